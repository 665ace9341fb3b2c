import { compileRegex, formatRegex, isRegexSource } from '../declare/regex-source';
import { validateHost, validatePort } from './host-rules';
import type { UnknownRecord } from './rule-helpers';
import type { PathSegment, ReportProblem } from './validation-problem';

/** Reports what is wrong with the TCP-only fields of a check. `path` is `['checks', index]`. */
export function validateTcpCheck(report: ReportProblem, path: PathSegment[], check: UnknownRecord): void {
  const at = (key: string): PathSegment[] => [...path, key];
  validateHost(report, at('host'), check.host);
  validatePort(report, at('port'), check.port);
  if (check.send === '') report(at('send'), 'send is empty; leave it out to send nothing');
  if (check.expect === '') {
    report(
      at('expect'),
      'expect is empty, so any reply would pass; give the text the reply must contain, or leave it out',
    );
  } else if (isRegexSource(check.expect)) {
    const compiled = compileRegex(check.expect);
    if (!compiled.ok) {
      report(
        at('expect'),
        `expect ${formatRegex(check.expect)} is not a valid regular expression: ${compiled.reason}`,
      );
    }
  }
}
