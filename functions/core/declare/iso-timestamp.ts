/** The outcome of reading an ISO 8601 date and time: epoch milliseconds, or why it is not one. */
export type IsoTimestampReading = { ok: true; epochMs: number } | { ok: false; reason: string };

const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads an ISO 8601 date and time with a time zone (`'2026-12-01T02:00:00Z'`, `'2026-12-01T03:00+01:00'`),
 * seconds and fractions optional. Rejects dates that do not exist (`'2026-02-30'`) rather than rolling them
 * over, and times without a zone, whose instant would depend on where they are read.
 */
export function readIsoTimestamp(text: string): IsoTimestampReading {
  const match = timestampPattern.exec(text);
  if (match === null) {
    return { ok: false, reason: "is not an ISO 8601 date and time, such as '2026-12-01T02:00:00Z'" };
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  if (zone === undefined) {
    return { ok: false, reason: "has no time zone; add 'Z' for UTC or an offset such as '+01:00'" };
  }
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetMinutes = zone === 'Z' ? 0 : zoneOffsetMinutes(zone);
  const exists = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59;
  if (!exists || offsetMinutes === undefined) return { ok: false, reason: 'is not a real date and time' };
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return { ok: true, epochMs: date.getTime() - offsetMinutes * 60_000 };
}

/** `+HH:MM` or `-HH:MM` in minutes east of UTC, or `undefined` when out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
