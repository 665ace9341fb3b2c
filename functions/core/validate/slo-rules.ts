import { maximumSloWindowMs, minimumSloWindowMs } from '../declare/defaults';
import { validateDurationBetween, validatePositiveDuration } from './duration-rules';
import { asRecord, validateOpenPercentage } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** Reports SLO objectives out of range, a latency threshold that is not positive, and a window out of bounds. */
export function validateSlo(report: ReportProblem, path: PathSegment[], slo: unknown): void {
  const record = asRecord(slo);
  if (record === undefined) return;
  validateOpenPercentage(report, [...path, 'availability'], record.availability);
  const latency = asRecord(record.latency);
  if (latency !== undefined) {
    validatePositiveDuration(report, [...path, 'latency', 'threshold'], latency.threshold);
    validateOpenPercentage(report, [...path, 'latency', 'target'], latency.target);
  }
  validateDurationBetween(report, [...path, 'window'], record.window, minimumSloWindowMs, maximumSloWindowMs);
  if (record.availability === undefined && record.latency === undefined) {
    report(
      path,
      `${fieldLabel(path)} sets no objective; give availability, latency or both, or leave slo out`,
    );
  }
}
