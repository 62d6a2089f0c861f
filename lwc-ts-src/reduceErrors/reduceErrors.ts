/**
 * The one place that turns whatever a failed call produced into messages a person can read.
 *
 * Shapes handled (alone, nested in arrays, or mixed):
 * - `Error` and plain `{ message }` objects, and strings;
 * - Apex: `{ body: { message } }` (AuraHandledException) and `{ body: { pageErrors, fieldErrors } }` (DML);
 * - UI API: `{ body: [{ message }] }` and `{ body: { output: { errors, fieldErrors } } }`;
 * - fetch-like `{ statusText }`.
 * The specific messages win over the generic `body.message` that UI API puts next to them.
 */

/** Shown when something failed but carried no readable message, so the user is never told nothing. */
export const UNKNOWN_ERROR = "An unknown error occurred.";

interface MessageHolder {
  message?: unknown;
}

type FieldErrors = Record<string, MessageHolder[] | undefined>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function text(value: unknown): string[] {
  return typeof value === "string" && value.trim() !== "" ? [value.trim()] : [];
}

function messagesOf(list: unknown): string[] {
  return Array.isArray(list) ? list.flatMap((item) => (isRecord(item) ? text(item.message) : text(item))) : [];
}

function fieldMessages(fieldErrors: unknown): string[] {
  return isRecord(fieldErrors) ? Object.values(fieldErrors as FieldErrors).flatMap(messagesOf) : [];
}

/** The specific messages of an Apex or UI API error body, most useful first. */
function bodyMessages(body: unknown): string[] {
  if (Array.isArray(body)) return messagesOf(body);
  if (!isRecord(body)) return text(body);
  const output = isRecord(body.output) ? body.output : {};
  const specific = [
    ...messagesOf(body.pageErrors),
    ...fieldMessages(body.fieldErrors),
    ...messagesOf(output.errors),
    ...fieldMessages(output.fieldErrors),
  ];
  return specific.length > 0 ? specific : text(body.message);
}

/** The individual errors, with lists flattened and empty slots dropped. */
function leaves(errors: unknown): unknown[] {
  if (Array.isArray(errors)) return errors.flatMap(leaves);
  return errors === null || errors === undefined ? [] : [errors];
}

function reduceOne(error: unknown): string[] {
  if (!isRecord(error)) return text(error);
  const fromBody = "body" in error ? bodyMessages(error.body) : [];
  if (fromBody.length > 0) return fromBody;
  const own = text(error.message);
  return own.length > 0 ? own : text(error.statusText);
}

/**
 * Flattens one error or a list of them into distinct, non-empty messages.
 * `null`, `undefined` and lists of nothing else give `[]`; anything else gives at least one message.
 */
export function reduceErrors(errors: unknown): string[] {
  const found = leaves(errors);
  if (found.length === 0) return [];
  const messages = [...new Set(found.flatMap(reduceOne))];
  return messages.length > 0 ? messages : [UNKNOWN_ERROR];
}
