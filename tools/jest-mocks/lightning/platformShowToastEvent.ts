import type { ShowToastEventDetail } from "lightning/platformShowToastEvent";

/** The event name the platform listens for; tests listen for it on the component. */
export const SHOW_TOAST_EVENT = "lightning__showtoast";

export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
  constructor(toast: ShowToastEventDetail) {
    super(SHOW_TOAST_EVENT, { composed: true, cancelable: true, bubbles: true, detail: toast });
  }
}
