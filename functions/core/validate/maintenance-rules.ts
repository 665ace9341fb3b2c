import { quote } from '../assertions/describe-value';
import {
  maximumMaintenanceReasonLength,
  maximumOneOffMaintenanceMs,
  maximumWeeklyMaintenanceMs,
} from '../declare/defaults';
import { dayMs, formatDurationMs } from '../declare/duration';
import { readIsoTimestamp } from '../declare/iso-timestamp';
import { parseTimeOfDayMinutes } from '../declare/weekly-time';
import { didYouMean } from './did-you-mean';
import { validatePositiveDuration } from './duration-rules';
import { asRecord, type UnknownRecord, validateNoDuplicates } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** Reports every maintenance window that is malformed. `checkIds` are the ids the monitor declares. */
export function validateMaintenanceWindows(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  checkIds: readonly string[],
): void {
  if (!Array.isArray(value)) return;
  value.forEach((window, index) => {
    validateMaintenanceWindow(report, [...path, index], window, checkIds);
  });
}

function validateMaintenanceWindow(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  checkIds: readonly string[],
): void {
  const window = asRecord(value);
  if (window === undefined) return;
  validateSilencedChecks(report, [...path, 'checks'], window.checks, checkIds);
  validateReason(report, [...path, 'reason'], window.reason);
  const oneOff = window.start !== undefined || window.end !== undefined;
  const weekly = window.weekly !== undefined;
  if (oneOff && weekly) {
    report(
      path,
      `${fieldLabel(path)} gives both start/end and weekly; a window is either one-off (start and end) or weekly, so declare two windows`,
    );
  } else if (!oneOff && !weekly) {
    report(
      path,
      `${fieldLabel(path)} gives neither start and end nor weekly; give start and end for a one-off window, or weekly for a recurring one`,
    );
  }
  if (oneOff) validateOneOff(report, path, window);
  if (weekly) validateWeekly(report, [...path, 'weekly'], window.weekly);
}

function validateSilencedChecks(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  checkIds: readonly string[],
): void {
  if (!Array.isArray(value)) return;
  if (value.length === 0) {
    report(
      path,
      `${fieldLabel(path)} is empty, so the window would silence nothing; list check ids, or leave it out to silence every check`,
    );
    return;
  }
  value.forEach((id, index) => {
    if (typeof id !== 'string' || checkIds.includes(id)) return;
    const idPath = [...path, index];
    report(
      idPath,
      `${fieldLabel(idPath)} ${quote(id)} is not a check of this monitor${didYouMean(id, checkIds)}`,
    );
  });
  validateNoDuplicates(report, path, value);
}

function validateReason(report: ReportProblem, path: PathSegment[], value: unknown): void {
  if (typeof value !== 'string') return;
  if (value.trim() === '') {
    report(path, `${fieldLabel(path)} is empty; say why, or leave it out`);
  } else if (value.length > maximumMaintenanceReasonLength) {
    report(
      path,
      `${fieldLabel(path)} is ${value.length} characters long, more than the ${maximumMaintenanceReasonLength} allowed`,
    );
  }
}

/** Reads `start` or `end`, reporting a missing or malformed one. Returns epoch milliseconds when valid. */
function readBoundary(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  other: 'start' | 'end',
): number | undefined {
  if (value === undefined) {
    report(path, `${fieldLabel(path)} is required with ${other}: a one-off window needs both`);
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const reading = readIsoTimestamp(value);
  if (reading.ok) return reading.epochMs;
  report(path, `${fieldLabel(path)} ${quote(value)} ${reading.reason}`);
  return undefined;
}

function validateOneOff(report: ReportProblem, path: PathSegment[], window: UnknownRecord): void {
  const startMs = readBoundary(report, [...path, 'start'], window.start, 'end');
  const endPath = [...path, 'end'];
  const endMs = readBoundary(report, endPath, window.end, 'start');
  if (startMs === undefined || endMs === undefined) return;
  const label = `${fieldLabel(endPath)} ${quote(String(window.end))}`;
  if (endMs <= startMs) {
    report(endPath, `${label} is not after start ${quote(String(window.start))}`);
  } else if (endMs - startMs > maximumOneOffMaintenanceMs) {
    const days = Math.round(((endMs - startMs) / dayMs) * 10) / 10;
    report(
      endPath,
      `${label} is ${days} days after start, longer than the ${formatDurationMs(maximumOneOffMaintenanceMs)} maximum for a one-off window; declare a weekly window for recurring maintenance`,
    );
  }
}

function validateWeekly(report: ReportProblem, path: PathSegment[], value: unknown): void {
  const weekly = asRecord(value);
  if (weekly === undefined) return;
  const daysPath = [...path, 'days'];
  if (Array.isArray(weekly.days)) {
    if (weekly.days.length === 0) {
      report(daysPath, `${fieldLabel(daysPath)} is empty; list at least one day, such as ['sat']`);
    }
    validateNoDuplicates(report, daysPath, weekly.days);
  }
  const atPath = [...path, 'at'];
  if (typeof weekly.at === 'string' && parseTimeOfDayMinutes(weekly.at) === undefined) {
    report(
      atPath,
      `${fieldLabel(atPath)} ${quote(weekly.at)} is not a time of day; write 'HH:MM' from '00:00' to '23:59', in UTC`,
    );
  }
  const durationPath = [...path, 'duration'];
  const durationMs = validatePositiveDuration(report, durationPath, weekly.duration);
  if (durationMs !== undefined && durationMs > maximumWeeklyMaintenanceMs) {
    report(
      durationPath,
      `${fieldLabel(durationPath)} ${String(weekly.duration)} is longer than the ${formatDurationMs(maximumWeeklyMaintenanceMs)} maximum; a weekly window lasts at most a day each time`,
    );
  }
}
