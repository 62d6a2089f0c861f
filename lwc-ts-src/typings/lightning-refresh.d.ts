declare module "lightning/refresh" {
  /** Asks the containing record page (and registered handlers) to refresh their data. */
  export class RefreshEvent extends CustomEvent<undefined> {
    constructor();
  }

  /** Return false (or resolve to false) to stop the refresh from reaching nested handlers. */
  export type RefreshHandler = () => boolean | void | Promise<boolean | void>;

  export function registerRefreshHandler(element: EventTarget, handler: RefreshHandler): number;
  export function unregisterRefreshHandler(id: number): void;
  export function registerRefreshContainer(element: EventTarget, handler: RefreshHandler): number;
  export function unregisterRefreshContainer(id: number): void;
}
