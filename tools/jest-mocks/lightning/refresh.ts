import type { RefreshHandler } from "lightning/refresh";

export const REFRESH_EVENT = "lightning__refresh";

export class RefreshEvent extends CustomEvent<undefined> {
  constructor() {
    super(REFRESH_EVENT, { composed: true, cancelable: true, bubbles: true });
  }
}

let lastId = 0;

export const registerRefreshHandler = jest.fn((_element: EventTarget, _handler: RefreshHandler): number => ++lastId);
export const unregisterRefreshHandler = jest.fn((_id: number): void => undefined);
export const registerRefreshContainer = jest.fn((_element: EventTarget, _handler: RefreshHandler): number => ++lastId);
export const unregisterRefreshContainer = jest.fn((_id: number): void => undefined);
