import { checkHeaders } from './header-rules';
import { checkCheckUrl } from './host-rules';
import { asRecord, checkWholeNumber, type UnknownRecord } from './rule-helpers';
import { checkTlsOptions } from './tls-option-rules';
import type { PathSegment, ReportProblem } from './validation-problem';

/** The most redirects a check may follow. */
export const maximumRedirects = 20;
/** The most response body bytes a check may read (64 MiB). */
export const maximumBodyBytes = 64 * 1024 * 1024;

const methodsWithoutBody = new Set(['GET', 'HEAD']);

/** Reports what is wrong with the HTTP-only fields of a check. `path` is `['checks', index]`. */
export function checkHttpCheck(report: ReportProblem, path: PathSegment[], check: UnknownRecord): void {
  const at = (key: string): PathSegment[] => [...path, key];
  checkCheckUrl(report, at('url'), check.url);
  checkHeaders(report, at('headers'), check.headers);
  const method = typeof check.method === 'string' ? check.method : 'GET';
  if (typeof check.body === 'string' && methodsWithoutBody.has(method)) {
    report(
      at('body'),
      `body is not allowed with ${method} requests; set method to POST, PUT or PATCH, or leave body out`,
    );
  }
  checkWholeNumber(report, at('maxRedirects'), check.maxRedirects, { min: 0, max: maximumRedirects });
  checkWholeNumber(report, at('maxBodyBytes'), check.maxBodyBytes, { min: 1, max: maximumBodyBytes });
  const tls = asRecord(check.tls);
  if (tls === undefined) return;
  checkTlsOptions(report, at('tls'), tls);
  const isPlainHttp =
    typeof check.url === 'string' && URL.canParse(check.url) && new URL(check.url).protocol === 'http:';
  if (isPlainHttp && Object.values(tls).some((value) => value !== undefined)) {
    report(at('tls'), 'tls options apply only to https: URLs, and this check’s URL is plain http:');
  }
}
