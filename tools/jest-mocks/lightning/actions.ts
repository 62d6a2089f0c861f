/** The event name the quick action container listens for. */
export const CLOSE_ACTION_SCREEN_EVENT = "lightning__actionsclosescreen";

export class CloseActionScreenEvent extends CustomEvent<undefined> {
  constructor() {
    super(CLOSE_ACTION_SCREEN_EVENT, { composed: true, cancelable: true, bubbles: true });
  }
}
