/**
 * Formatting shared by the Tandem operations components (Sync now, run history, connection health), so a
 * status, a duration or a CSV cell looks the same everywhere.
 */

/** How a status looks: SLDS badge theme for success, warning, error or neutral. */
export type StatusTone = "success" | "warning" | "error" | "neutral";

/** Picklist API names whose label is not simply the API name split into words. */
const LABELS: Record<string, string> = {
  CompletedWithErrors: "Completed with errors",
  DeadLetter: "Dead letter",
  HalfOpen: "Half-open",
  OnDemand: "On demand",
  RealTime: "Real-time",
  InitialLoad: "Initial load",
  Api: "API",
  UpdateOnly: "Update only",
  InsertOnly: "Insert only",
};

const TONES: Record<string, StatusTone> = {
  Succeeded: "success",
  Linked: "success",
  Active: "success",
  Closed: "success",
  CompletedWithErrors: "warning",
  Queued: "warning",
  Running: "warning",
  Pending: "warning",
  Paused: "warning",
  HalfOpen: "warning",
  Draft: "neutral",
  Failed: "error",
  Aborted: "error",
  Error: "error",
  DeadLetter: "error",
  Disabled: "error",
  Open: "error",
};

const BADGE_CLASSES: Record<StatusTone, string> = {
  success: "slds-badge slds-theme_success",
  warning: "slds-badge slds-theme_warning",
  error: "slds-badge slds-theme_error",
  neutral: "slds-badge",
};

/** A picklist API name as people read it: "CompletedWithErrors" → "Completed with errors". */
export function statusLabel(value: string | null | undefined): string {
  if (!value) return "";
  const words = value.replace(/([a-z])([A-Z])/g, "$1 $2").split(" ");
  return LABELS[value] ?? words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(" ");
}

export function statusTone(value: string | null | undefined): StatusTone {
  return (value ? TONES[value] : undefined) ?? "neutral";
}

/** SLDS classes of a badge for the status. */
export function badgeClass(value: string | null | undefined): string {
  return BADGE_CLASSES[statusTone(value)];
}

/** "850 ms", "12 s", "3 min 5 s", "2 h 4 min"; "" for an unknown duration. */
export function formatDuration(millis: number | null | undefined): string {
  if (millis === null || millis === undefined || !Number.isFinite(millis) || millis < 0) return "";
  if (millis < 1000) return `${Math.round(millis)} ms`;
  const seconds = Math.round(millis / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** Grouped digits in the user's locale ("5,000"); "0" for a missing count. */
export function formatCount(value: number | null | undefined): string {
  return new Intl.NumberFormat().format(value ?? 0);
}

/** Characters that make a spreadsheet treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, semicolon or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula gets a leading apostrophe, so an exported message can
 * never execute anything when the file is opened.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "boolean" || typeof value === "bigint"
        ? String(value)
        : JSON.stringify(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvColumn<T> {
  label: string;
  value: (row: T) => unknown;
}

/** A CSV document with a header row, CRLF line ends as RFC 4180 asks. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map((column) => csvCell(column.label)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A download link target for a CSV text; the byte-order mark makes spreadsheets read it as UTF-8. */
export function csvDataUri(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}
