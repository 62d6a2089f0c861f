/** Date, Datetime and Time. The running user's time zone is GMT in the local runtime (see DIVERGENCES.md). */
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { formatDate, formatDatetime, formatTime, isoDatetime } from "../interp/format";
import { ApexDate, ApexDatetime, ApexTime, type Value } from "../interp/values";
import { int, s } from "./args";
import { zoneOffset } from "./timezones";

const DAY = 86400000;

function ymd(d: ApexDate): [number, number, number] {
  const j = d.toJs();
  return [j.getUTCFullYear(), j.getUTCMonth() + 1, j.getUTCDate()];
}

function addMonths(ms: number, months: number): number {
  const j = new Date(ms);
  const y = j.getUTCFullYear();
  const m = j.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(j.getUTCDate(), last);
  return Date.UTC(y, m, day, j.getUTCHours(), j.getUTCMinutes(), j.getUTCSeconds(), j.getUTCMilliseconds());
}

/** Java SimpleDateFormat subset used by Datetime.format / formatGmt. */
function javaFormat(ms: number, pattern: string, offsetMs = 0): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const abs = Math.abs(offsetMs) / 60000;
  const offText = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  const j = new Date(ms);
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  return pattern.replace(/'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|a|E+|Z+|X+|z+/g, (tok, lit?: string) => {
    if (lit !== undefined) return lit === "" ? "'" : lit;
    const c = tok[0];
    const n = tok.length;
    switch (c) {
      case "y":
        return n === 2 ? pad(j.getUTCFullYear() % 100, 2) : pad(j.getUTCFullYear(), n);
      case "M":
        return n >= 4
          ? months[j.getUTCMonth()]
          : n === 3
            ? months[j.getUTCMonth()].slice(0, 3)
            : pad(j.getUTCMonth() + 1, n);
      case "d":
        return pad(j.getUTCDate(), n);
      case "H":
        return pad(j.getUTCHours(), n);
      case "h":
        return pad(j.getUTCHours() % 12 || 12, n);
      case "m":
        return pad(j.getUTCMinutes(), n);
      case "s":
        return pad(j.getUTCSeconds(), n);
      case "S":
        return pad(j.getUTCMilliseconds(), 3).slice(0, Math.max(n, 3));
      case "a":
        return j.getUTCHours() < 12 ? "AM" : "PM";
      case "E":
        return n >= 4 ? days[j.getUTCDay()] : days[j.getUTCDay()].slice(0, 3);
      case "Z":
        return offText;
      case "X":
        return offsetMs === 0 ? "Z" : n >= 3 ? offText.slice(0, 3) + ":" + offText.slice(3) : offText;
      case "z":
        return offsetMs === 0 ? "GMT" : `GMT${offText.slice(0, 3)}:${offText.slice(3)}`;
    }
    return tok;
  });
}

function parseDate(ip: Interpreter, text: string): ApexDate {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim()) ?? null;
  if (m) return ApexDate.of(Number(m[1]), Number(m[2]), Number(m[3]));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (us) return ApexDate.of(Number(us[3]), Number(us[1]), Number(us[2]));
  return ip.throwApex("TypeException", `Invalid date: ${text}`);
}

function parseDatetime(ip: Interpreter, text: string): ApexDatetime {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (!m) return ip.throwApex("TypeException", `Invalid date/time: ${text}`);
  return new ApexDatetime(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
}

export function registerDates(n: Natives): void {
  n.static("Date", {
    today: (ip) => new ApexDate(Math.floor(ip.data.clock() / DAY)),
    newInstance: (ip, a) => ApexDate.of(int(ip, a[0]), int(ip, a[1]), int(ip, a[2])),
    valueOf: (ip: Interpreter, a: Value[]) =>
      a[0] instanceof ApexDatetime
        ? new ApexDate(Math.floor(a[0].ms / DAY))
        : a[0] === null
          ? null
          : parseDate(ip, s(ip, a[0])),
    parse: (ip, a) => parseDate(ip, s(ip, a[0])),
    isLeapYear: (ip, a) => {
      const y = int(ip, a[0]);
      return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    },
    daysInMonth: (ip, a) => new Date(Date.UTC(int(ip, a[0]), int(ip, a[1]), 0)).getUTCDate(),
  });
  n.methods<ApexDate>("date", {
    year: (_ip, d) => ymd(d)[0],
    month: (_ip, d) => ymd(d)[1],
    day: (_ip, d) => ymd(d)[2],
    dayOfYear: (_ip, d) => d.days - Math.floor(Date.UTC(ymd(d)[0], 0, 1) / DAY) + 1,
    addDays: (ip, d, a) => new ApexDate(d.days + int(ip, a[0])),
    addMonths: (ip, d, a) => new ApexDate(Math.floor(addMonths(d.days * DAY, int(ip, a[0])) / DAY)),
    addYears: (ip, d, a) => new ApexDate(Math.floor(addMonths(d.days * DAY, 12 * int(ip, a[0])) / DAY)),
    daysBetween: (ip, d, a) => (ip.checkNotNull(a[0]) as ApexDate).days - d.days,
    monthsBetween: (ip, d, a) => {
      const o = ymd(ip.checkNotNull(a[0]) as ApexDate);
      const m = ymd(d);
      return (o[0] - m[0]) * 12 + (o[1] - m[1]);
    },
    toStartOfMonth: (_ip, d) => ApexDate.of(ymd(d)[0], ymd(d)[1], 1),
    toStartOfWeek: (_ip, d) => new ApexDate(d.days - d.toJs().getUTCDay()),
    isSameDay: (_ip, d, a) => a[0] instanceof ApexDate && a[0].days === d.days,
    format: (_ip, d) => {
      const [y, m, dd] = ymd(d);
      return `${m}/${dd}/${y}`;
    },
    toString: (_ip: Interpreter, d: ApexDate) => formatDate(d),
    equals: (_ip, d, a) => a[0] instanceof ApexDate && a[0].days === d.days,
    hashCode: (_ip, d) => d.days,
  });
  n.static("Datetime", {
    now: (ip) => new ApexDatetime(ip.data.clock()),
    newInstance: (ip, a) => {
      if (a.length === 1) return new ApexDatetime(Number(a[0]));
      if (a.length === 2) {
        const d = a[0] as ApexDate;
        const t = a[1] as ApexTime;
        return new ApexDatetime(d.days * DAY + t.ms);
      }
      return new ApexDatetime(
        Date.UTC(
          int(ip, a[0]),
          int(ip, a[1]) - 1,
          int(ip, a[2]),
          a.length > 3 ? int(ip, a[3]) : 0,
          a.length > 4 ? int(ip, a[4]) : 0,
          a.length > 5 ? int(ip, a[5]) : 0,
        ),
      );
    },
    newInstanceGmt: (ip, a) => {
      if (a.length === 2) return new ApexDatetime((a[0] as ApexDate).days * DAY + (a[1] as ApexTime).ms);
      return new ApexDatetime(
        Date.UTC(
          int(ip, a[0]),
          int(ip, a[1]) - 1,
          int(ip, a[2]),
          a.length > 3 ? int(ip, a[3]) : 0,
          a.length > 4 ? int(ip, a[4]) : 0,
          a.length > 5 ? int(ip, a[5]) : 0,
        ),
      );
    },
    valueOf: (ip: Interpreter, a: Value[]) => (a[0] === null ? null : parseDatetime(ip, s(ip, a[0]))),
    valueOfGmt: (ip, a) => (a[0] === null ? null : parseDatetime(ip, s(ip, a[0]))),
    parse: (ip, a) => parseDatetime(ip, s(ip, a[0])),
  });
  const dt = (f: (j: Date) => number) => (_ip: Interpreter, d: ApexDatetime) => f(new Date(d.ms));
  n.methods<ApexDatetime>("datetime", {
    year: dt((j) => j.getUTCFullYear()),
    month: dt((j) => j.getUTCMonth() + 1),
    day: dt((j) => j.getUTCDate()),
    hour: dt((j) => j.getUTCHours()),
    minute: dt((j) => j.getUTCMinutes()),
    second: dt((j) => j.getUTCSeconds()),
    millisecond: dt((j) => j.getUTCMilliseconds()),
    yearGmt: dt((j) => j.getUTCFullYear()),
    monthGmt: dt((j) => j.getUTCMonth() + 1),
    dayGmt: dt((j) => j.getUTCDate()),
    hourGmt: dt((j) => j.getUTCHours()),
    minuteGmt: dt((j) => j.getUTCMinutes()),
    secondGmt: dt((j) => j.getUTCSeconds()),
    getTime: (_ip, d) => BigInt(d.ms),
    date: (_ip, d) => new ApexDate(Math.floor(d.ms / DAY)),
    dateGmt: (_ip, d) => new ApexDate(Math.floor(d.ms / DAY)),
    time: (_ip, d) => new ApexTime(((d.ms % DAY) + DAY) % DAY),
    timeGmt: (_ip, d) => new ApexTime(((d.ms % DAY) + DAY) % DAY),
    addSeconds: (ip, d, a) => new ApexDatetime(d.ms + 1000 * int(ip, a[0])),
    addMinutes: (ip, d, a) => new ApexDatetime(d.ms + 60000 * int(ip, a[0])),
    addHours: (ip, d, a) => new ApexDatetime(d.ms + 3600000 * int(ip, a[0])),
    addDays: (ip, d, a) => new ApexDatetime(d.ms + DAY * int(ip, a[0])),
    addMonths: (ip, d, a) => new ApexDatetime(addMonths(d.ms, int(ip, a[0]))),
    addYears: (ip, d, a) => new ApexDatetime(addMonths(d.ms, 12 * int(ip, a[0]))),
    format: (ip, d, a) => {
      if (a.length > 1) {
        const off = zoneOffset(s(ip, a[1]), d.ms);
        return javaFormat(d.ms + off, s(ip, a[0]), off);
      }
      return a.length ? javaFormat(d.ms, s(ip, a[0])) : javaFormat(d.ms, "M/d/yyyy h:mm a");
    },
    formatGmt: (ip, d, a) => javaFormat(d.ms, s(ip, a[0])),
    formatLong: (_ip, d) => javaFormat(d.ms, "M/d/yyyy h:mm:ss a z"),
    isSameDay: (_ip, d, a) => a[0] instanceof ApexDatetime && Math.floor(a[0].ms / DAY) === Math.floor(d.ms / DAY),
    toString: (_ip: Interpreter, d: ApexDatetime) => formatDatetime(d),
    equals: (_ip, d, a) => a[0] instanceof ApexDatetime && a[0].ms === d.ms,
    hashCode: (_ip, d) => d.ms | 0,
    toIso: (_ip, d) => isoDatetime(d),
  });
  n.static("Time", {
    newInstance: (ip, a) =>
      new ApexTime(((int(ip, a[0]) * 60 + int(ip, a[1])) * 60 + int(ip, a[2])) * 1000 + int(ip, a[3])),
  });
  n.methods<ApexTime>("time", {
    hour: (_ip, t) => Math.floor(t.ms / 3600000),
    minute: (_ip, t) => Math.floor(t.ms / 60000) % 60,
    second: (_ip, t) => Math.floor(t.ms / 1000) % 60,
    millisecond: (_ip, t) => t.ms % 1000,
    addHours: (ip, t, a) => new ApexTime((((t.ms + 3600000 * int(ip, a[0])) % DAY) + DAY) % DAY),
    addMinutes: (ip, t, a) => new ApexTime((((t.ms + 60000 * int(ip, a[0])) % DAY) + DAY) % DAY),
    addSeconds: (ip, t, a) => new ApexTime((((t.ms + 1000 * int(ip, a[0])) % DAY) + DAY) % DAY),
    toString: (_ip: Interpreter, t: ApexTime) => formatTime(t),
    equals: (_ip, t, a) => a[0] instanceof ApexTime && a[0].ms === t.ms,
  });
  void ({} as Value);
}
