import type { Weekday } from './declarations';

/** Each weekday as `Date.getUTCDay()` numbers it: 0 = Sunday … 6 = Saturday. */
export const weekdayNumbers: Record<Weekday, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

const timeOfDayPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a `'HH:MM'` time from `'00:00'` to `'23:59'`, or `undefined` for anything else. */
export function parseTimeOfDayMinutes(text: string): number | undefined {
  const match = timeOfDayPattern.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}
