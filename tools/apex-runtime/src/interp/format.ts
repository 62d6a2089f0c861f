/** Text forms of primitive values as Apex prints them (String.valueOf, concatenation, debug). */
import { ApexDate, ApexDatetime, ApexTime } from "./values";

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** Java's Double.toString, which Apex uses for Double values: 1.0, 1.5E10, 1.0E-5. */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) return "NaN";
  if (!Number.isFinite(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes(".") ? s : s + ".0";
  }
  const [mant, exp] = d.toExponential().split("e");
  const m = mant.includes(".") ? mant : mant + ".0";
  return `${m}E${parseInt(exp, 10)}`;
}

export function formatDate(d: ApexDate): string {
  const j = d.toJs();
  return `${j.getUTCFullYear()}-${pad(j.getUTCMonth() + 1)}-${pad(j.getUTCDate())}`;
}

export function formatDatetime(d: ApexDatetime): string {
  const j = new Date(d.ms);
  return `${j.getUTCFullYear()}-${pad(j.getUTCMonth() + 1)}-${pad(j.getUTCDate())} ${pad(j.getUTCHours())}:${pad(j.getUTCMinutes())}:${pad(j.getUTCSeconds())}`;
}

export function formatTime(t: ApexTime): string {
  const ms = t.ms;
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}Z`;
}

/** ISO-8601 form used by JSON.serialize for Datetime: 2024-01-31T10:00:00.000Z */
export function isoDatetime(d: ApexDatetime): string {
  return new Date(d.ms).toISOString();
}
