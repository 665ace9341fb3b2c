import { secondMs } from '../declare/duration';
import type { RoundTally } from './status-page-data';

/** An instant as ISO 8601 UTC, as `datetime` attributes, JSON and Atom carry it. */
export function isoTime(atMs: number): string {
  return new Date(atMs).toISOString();
}

/** An instant as a person reads it without a script: `2026-11-24 10:02 UTC`. */
export function utcDateTime(atMs: number): string {
  const iso = isoTime(atMs);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A UTC day: `2026-11-24`. */
export function utcDate(atMs: number): string {
  return isoTime(atMs).slice(0, 10);
}

/** Availability in percent, or undefined for no rounds. */
export function availabilityPercent(tally: RoundTally | undefined): number | undefined {
  return tally === undefined || tally.total <= 0 ? undefined : (100 * tally.good) / tally.total;
}

/**
 * Availability as text, rounded down so that any failure shows below 100: `100%`, `99.99%`, `97.5%`;
 * `no data` for no rounds.
 */
export function formatAvailability(tally: RoundTally | undefined): string {
  if (tally === undefined || tally.total <= 0) return 'no data';
  if (tally.good >= tally.total) return '100%';
  const hundredths = Math.floor((tally.good * 10_000) / tally.total);
  return `${(hundredths / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** A latency: `87 ms` below a second, `1.24 s` above. */
export function formatLatency(latencyMs: number): string {
  return latencyMs < secondMs ? `${Math.round(latencyMs)} ms` : `${(latencyMs / secondMs).toFixed(2)} s`;
}

/** `1 incident`, `2 incidents`: a count and its noun, singular or plural. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
