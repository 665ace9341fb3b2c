import { checkHost, checkPort } from './host-rules';
import { checkWholeNumber, type UnknownRecord } from './rule-helpers';
import { checkTlsOptions } from './tls-option-rules';
import type { PathSegment, ReportProblem } from './validation-problem';

/** Reports what is wrong with the TLS-only fields of a check. `path` is `['checks', index]`. */
export function checkTlsCheck(report: ReportProblem, path: PathSegment[], check: UnknownRecord): void {
  checkHost(report, [...path, 'host'], check.host);
  checkPort(report, [...path, 'port'], check.port);
  checkWholeNumber(report, [...path, 'minDaysValid'], check.minDaysValid, { min: 0 });
  checkTlsOptions(report, path, check);
}
