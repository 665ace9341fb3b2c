import { validateHost, validatePort } from './host-rules';
import { type UnknownRecord, validateWholeNumber } from './rule-helpers';
import { validateTlsOptions } from './tls-option-rules';
import type { PathSegment, ReportProblem } from './validation-problem';

/** Reports what is wrong with the TLS-only fields of a check. `path` is `['checks', index]`. */
export function validateTlsCheck(report: ReportProblem, path: PathSegment[], check: UnknownRecord): void {
  validateHost(report, [...path, 'host'], check.host);
  validatePort(report, [...path, 'port'], check.port);
  validateWholeNumber(report, [...path, 'minDaysValid'], check.minDaysValid, { min: 0 });
  validateTlsOptions(report, path, check);
}
