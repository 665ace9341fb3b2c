import { checkDurationBetween, checkPositiveDuration } from './duration-rules';
import { asRecord, checkOpenPercentage } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The shortest SLO window. */
export const minimumSloWindowMs = hourMs;
/** The longest SLO window. */
export const maximumSloWindowMs = 90 * dayMs;

/** Reports SLO objectives out of range, a latency threshold that is not positive, and a window out of bounds. */
export function checkSlo(report: ReportProblem, path: PathSegment[], slo: unknown): void {
  const record = asRecord(slo);
  if (record === undefined) return;
  checkOpenPercentage(report, [...path, 'availability'], record.availability);
  const latency = asRecord(record.latency);
  if (latency !== undefined) {
    checkPositiveDuration(report, [...path, 'latency', 'threshold'], latency.threshold);
    checkOpenPercentage(report, [...path, 'latency', 'target'], latency.target);
  }
  checkDurationBetween(report, [...path, 'window'], record.window, minimumSloWindowMs, maximumSloWindowMs);
  if (record.availability === undefined && record.latency === undefined) {
    report(
      path,
      `${fieldLabel(path)} sets no objective; give availability, latency or both, or leave slo out`,
    );
  }
}
