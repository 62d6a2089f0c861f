declare module "lightning/navigation" {
  import type { LightningElement, WireAdapterConstructor } from "lwc";

  export type RecordActionName = "view" | "edit" | "clone";

  export interface RecordPageReference {
    type: "standard__recordPage";
    attributes: { recordId: string; objectApiName?: string; actionName: RecordActionName };
    state?: Record<string, string | undefined>;
  }

  export interface ObjectPageReference {
    type: "standard__objectPage";
    attributes: { objectApiName: string; actionName: "home" | "list" | "new" };
    state?: { filterName?: string; defaultFieldValues?: string; [key: string]: string | undefined };
  }

  export interface RecordRelationshipPageReference {
    type: "standard__recordRelationshipPage";
    attributes: { recordId: string; objectApiName?: string; relationshipApiName: string; actionName: "view" };
    state?: Record<string, string | undefined>;
  }

  export interface NavItemPageReference {
    type: "standard__navItemPage";
    attributes: { apiName: string };
    state?: Record<string, string | undefined>;
  }

  export interface ComponentPageReference {
    type: "standard__component";
    attributes: { componentName: string };
    state?: Record<string, string | undefined>;
  }

  export interface WebPageReference {
    type: "standard__webPage";
    attributes: { url: string };
    state?: Record<string, string | undefined>;
  }

  export type PageReference =
    | RecordPageReference
    | ObjectPageReference
    | RecordRelationshipPageReference
    | NavItemPageReference
    | ComponentPageReference
    | WebPageReference;

  export interface NavigationMixinMethods {
    [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
    [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  /**
   * `class X extends NavigationMixin(LightningElement)` gains `this[NavigationMixin.Navigate](pageRef)`. The statics
   * of the base are kept (picked, so its own construct signature does not compete with the mixed-in one), which
   * `createElement` needs.
   */
  export function NavigationMixin<Base extends new () => LightningElement>(
    base: Base,
  ): Pick<Base, keyof Base> & (new () => InstanceType<Base> & NavigationMixinMethods);
  export namespace NavigationMixin {
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
  }

  /** Wire adapter with the page reference of the current page. */
  export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
