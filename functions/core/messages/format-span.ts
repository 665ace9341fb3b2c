import { dayMs, hourMs, minuteMs, secondMs } from '../declare/duration';

/**
 * Shows a span of time in at most two units, rounded down: `45s`, `12m`, `1h 5m`, `2d 3h`, `30d`.
 * Negative spans show as `0s`.
 */
export function formatSpanMs(spanMs: number): string {
  const ms = Math.max(0, Math.floor(spanMs));
  if (ms < minuteMs) return `${Math.floor(ms / secondMs)}s`;
  if (ms < hourMs) return `${Math.floor(ms / minuteMs)}m`;
  if (ms < dayMs) return twoUnits(Math.floor(ms / hourMs), 'h', Math.floor((ms % hourMs) / minuteMs), 'm');
  return twoUnits(Math.floor(ms / dayMs), 'd', Math.floor((ms % dayMs) / hourMs), 'h');
}

/** The span between two ISO 8601 instants, `from` to `to`; `undefined` when either does not parse. */
export function spanBetweenMs(fromIso: string, toIso: string): number | undefined {
  const fromMs = Date.parse(fromIso);
  const toMs = Date.parse(toIso);
  return Number.isNaN(fromMs) || Number.isNaN(toMs) ? undefined : toMs - fromMs;
}

function twoUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit} ${minor}${minorUnit}`;
}

/**
 * A span in words, for "in the last …": `hour`, `6 hours`, `5 minutes`, `day`, `3 days`; a span that is not
 * a whole number of minutes shows as `formatSpanMs` does.
 */
export function spanInWords(spanMs: number): string {
  const units: [number, string][] = [
    [dayMs, 'day'],
    [hourMs, 'hour'],
    [minuteMs, 'minute'],
  ];
  for (const [unitMs, unit] of units) {
    if (spanMs >= unitMs && spanMs % unitMs === 0) {
      const count = spanMs / unitMs;
      return count === 1 ? unit : `${count} ${unit}s`;
    }
  }
  return formatSpanMs(spanMs);
}
