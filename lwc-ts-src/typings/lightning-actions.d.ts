declare module "lightning/actions" {
  /** Closes the quick action screen (or headless action) that contains the component. */
  export class CloseActionScreenEvent extends CustomEvent<undefined> {
    constructor();
  }
}
