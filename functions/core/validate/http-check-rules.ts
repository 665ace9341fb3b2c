import { maximumBodyBytes, maximumRedirects } from '../declare/defaults';
import { validateHeaders } from './header-rules';
import { validateUrl } from './host-rules';
import { asRecord, type UnknownRecord, validateWholeNumber } from './rule-helpers';
import { validateTlsOptions } from './tls-option-rules';
import type { PathSegment, ReportProblem } from './validation-problem';

const methodsWithoutBody = new Set(['GET', 'HEAD']);

/** Reports what is wrong with the HTTP-only fields of a check. `path` is `['checks', index]`. */
export function validateHttpCheck(report: ReportProblem, path: PathSegment[], check: UnknownRecord): void {
  const at = (key: string): PathSegment[] => [...path, key];
  validateUrl(report, at('url'), check.url);
  validateHeaders(report, at('headers'), check.headers);
  const method = typeof check.method === 'string' ? check.method : 'GET';
  if (typeof check.body === 'string' && methodsWithoutBody.has(method)) {
    report(
      at('body'),
      `body is not allowed with ${method} requests; set method to POST, PUT or PATCH, or leave body out`,
    );
  }
  validateWholeNumber(report, at('maxRedirects'), check.maxRedirects, { min: 0, max: maximumRedirects });
  validateWholeNumber(report, at('maxBodyBytes'), check.maxBodyBytes, { min: 1, max: maximumBodyBytes });
  // On a plain http: URL, tls options are not refused: they apply to the https: URL it redirects to.
  const tls = asRecord(check.tls);
  if (tls !== undefined) validateTlsOptions(report, at('tls'), tls);
}
