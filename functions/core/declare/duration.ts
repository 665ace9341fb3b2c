/** A unit of a human-readable duration. */
export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd';

/** A human-readable duration such as `'250ms'`, `'30s'`, `'5m'`, `'1h'` or `'30d'`. */
export type Duration = `${number}${DurationUnit}`;

/** Milliseconds in a second, minute, hour and day: the time units, written once. */
export const secondMs = 1_000;
export const minuteMs = 60 * secondMs;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

const millisecondsPerUnit: Record<DurationUnit, number> = {
  ms: 1,
  s: secondMs,
  m: minuteMs,
  h: hourMs,
  d: dayMs,
};

const durationPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Parses a human-readable duration into milliseconds.
 * Returns `undefined` for anything that is not a non-negative number followed by a unit.
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = durationPattern.exec(value.trim());
  if (!match) return undefined;
  const [, amount, unit] = match;
  return Number(amount) * millisecondsPerUnit[unit as DurationUnit];
}

/** Formats milliseconds as the shortest exact human-readable duration (`90000` → `'90s'`). */
export function formatDurationMs(durationMs: number): Duration {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = millisecondsPerUnit[unit];
    if (durationMs >= size && durationMs % size === 0) return `${durationMs / size}${unit}`;
  }
  return `${durationMs}ms`;
}
