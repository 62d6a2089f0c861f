declare module "lightning/messageService" {
  import type { WireAdapterConstructor } from "lwc";

  /** Opaque reference imported from `@salesforce/messageChannel/<Channel>__c`. */
  export interface MessageChannel {
    readonly channelName?: string;
  }

  /** Opaque context provisioned by `@wire(MessageContext)`. */
  export interface MessageContextValue {
    readonly __messageContext?: never;
  }

  export interface Subscription {
    readonly __subscription?: never;
  }

  export const APPLICATION_SCOPE: unique symbol;

  export const MessageContext: WireAdapterConstructor<Record<string, never>, MessageContextValue>;

  export function publish(context: MessageContextValue, channel: MessageChannel, message?: unknown): void;
  export function subscribe(
    context: MessageContextValue,
    channel: MessageChannel,
    listener: (message: unknown) => void,
    options?: { scope: typeof APPLICATION_SCOPE },
  ): Subscription;
  export function unsubscribe(subscription: Subscription): void;
  export function createMessageContext(): MessageContextValue;
  export function releaseMessageContext(context: MessageContextValue): void;
}
