declare module "lightning/platformShowToastEvent" {
  export type ToastVariant = "info" | "success" | "warning" | "error";
  /** dismissible: closes itself after 3 s or on click; pester: 3 s, no close button; sticky: stays until closed. */
  export type ToastMode = "dismissible" | "pester" | "sticky";

  export interface ToastLink {
    url: string;
    label: string;
  }

  export interface ShowToastEventDetail {
    title: string;
    message?: string;
    /** Values for `{0}`, `{1}`... placeholders in `message`; a link object renders as an anchor. */
    messageData?: (string | ToastLink)[];
    variant?: ToastVariant;
    mode?: ToastMode;
  }

  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(toast: ShowToastEventDetail);
  }
}
