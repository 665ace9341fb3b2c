import { quote } from '../assertions/describe-value';
import { minimumIntervalMs } from '../declare/defaults';
import { dayMs, formatDurationMs, hourMs, minuteMs, parseDurationMs } from '../declare/duration';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/**
 * Parses a duration, reporting text that is not one. Values that are not strings are left to the
 * structural check. Returns milliseconds, or `undefined` when absent or invalid.
 */
export function readDuration(report: ReportProblem, path: PathSegment[], value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const durationMs = parseDurationMs(value);
  if (durationMs === undefined) {
    report(
      path,
      `${fieldLabel(path)} ${quote(value)} is not a duration; write a number and a unit, such as '500ms', '30s', '5m', '1h' or '1d'`,
    );
  }
  return durationMs;
}

/** Reads a duration that must be greater than zero. Returns milliseconds when valid. */
export function validatePositiveDuration(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
): number | undefined {
  const durationMs = readDuration(report, path, value);
  if (durationMs === undefined) return undefined;
  if (durationMs <= 0) {
    report(path, `${fieldLabel(path)} ${String(value)} must be greater than zero`);
    return undefined;
  }
  return durationMs;
}

/** Reads a duration that must lie within inclusive bounds. Returns milliseconds when valid. */
export function validateDurationBetween(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  minMs: number,
  maxMs: number,
): number | undefined {
  const durationMs = readDuration(report, path, value);
  if (durationMs === undefined) return undefined;
  const label = `${fieldLabel(path)} ${String(value)}`;
  if (durationMs < minMs) {
    report(path, `${label} is shorter than the ${formatDurationMs(minMs)} minimum`);
    return undefined;
  }
  if (durationMs > maxMs) {
    report(path, `${label} is longer than the ${formatDurationMs(maxMs)} maximum`);
    return undefined;
  }
  return durationMs;
}

/**
 * Reads an interval: at least 10s, and it must tile the clock so that every region probes at the
 * same moments: below a minute it divides a minute, below an hour it divides an hour, below a day
 * it divides a day, and from a day up it is a whole number of days. Returns milliseconds when valid.
 */
export function validateInterval(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
): number | undefined {
  const intervalMs = readDuration(report, path, value);
  if (intervalMs === undefined) return undefined;
  const label = `${fieldLabel(path)} ${String(value)}`;
  const reason = intervalProblem(intervalMs);
  if (reason !== undefined) {
    report(path, `${label} ${reason}`);
    return undefined;
  }
  return intervalMs;
}

function intervalProblem(intervalMs: number): string | undefined {
  if (intervalMs < minimumIntervalMs) return `is below the ${formatDurationMs(minimumIntervalMs)} minimum`;
  if (intervalMs < minuteMs) {
    return minuteMs % intervalMs === 0
      ? undefined
      : 'does not divide a minute evenly; use 10s, 12s, 15s, 20s or 30s';
  }
  if (intervalMs < hourMs) {
    return hourMs % intervalMs === 0
      ? undefined
      : 'does not divide an hour evenly; use an interval such as 1m, 2m, 5m, 10m, 15m or 30m';
  }
  if (intervalMs < dayMs) {
    return dayMs % intervalMs === 0
      ? undefined
      : 'does not divide a day evenly; use an interval such as 1h, 2h, 3h, 4h, 6h, 8h or 12h';
  }
  return intervalMs % dayMs === 0
    ? undefined
    : 'is longer than a day but not a whole number of days; use 1d, 2d and so on';
}
