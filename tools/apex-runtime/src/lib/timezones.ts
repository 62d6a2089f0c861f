/** Time-zone offsets from the IANA database built into Node (Intl), for TimeZone and Datetime.format(pattern, tz). */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(id: string): Intl.DateTimeFormat {
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: id,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    cache.set(id, f);
  }
  return f;
}

/** Offset of the zone from GMT at the instant, in milliseconds (TimeZone.getOffset). */
export function zoneOffset(id: string, ms: number): number {
  if (id === "GMT" || id === "UTC") return 0;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(id).formatToParts(new Date(ms));
  } catch {
    return 0;
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return local - Math.floor(ms / 1000) * 1000;
}
