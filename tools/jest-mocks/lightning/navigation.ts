import type { LightningElement } from "lwc";
import type { PageReference } from "lightning/navigation";
import { createTestWireAdapter } from "@salesforce/sfdx-lwc-jest";

/** Every `this[NavigationMixin.Navigate](pageRef, replace)` call lands here. */
export const navigateMock = jest.fn((_pageReference: PageReference, _replace?: boolean): void => undefined);
/** `this[NavigationMixin.GenerateUrl](pageRef)` resolves to this spy's result. */
export const generateUrlMock = jest.fn((_pageReference: PageReference) => Promise.resolve("https://example.com/"));

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol("Navigate");
const GenerateUrl = Symbol("GenerateUrl");

// TypeScript only accepts a mixin whose base constructor takes `...args: any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function NavigationMixin<Base extends new (...args: any[]) => LightningElement>(base: Base) {
  return class extends base {
    [Navigate](pageReference: PageReference, replace?: boolean): void {
      navigateMock(pageReference, replace);
    }
    [GenerateUrl](pageReference: PageReference): Promise<string> {
      return generateUrlMock(pageReference);
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
