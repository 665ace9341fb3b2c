import { quote } from '../assertions/describe-value';
import { validateWholeNumber } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** Reports a host that is empty, a URL, has spaces, or carries its own port. */
export function validateHost(report: ReportProblem, path: PathSegment[], host: unknown): void {
  if (typeof host !== 'string') return;
  const label = fieldLabel(path);
  if (host.trim() === '') report(path, `${label} is empty; give a host name or IP address`);
  else if (host.includes('://') || host.includes('/')) {
    report(path, `${label} ${quote(host)} must be a host name or IP address, not a URL`);
  } else if (/\s/.test(host)) report(path, `${label} ${quote(host)} contains spaces`);
  else if (/^[^:[\]]+:\d+$/.test(host)) {
    report(path, `${label} ${quote(host)} includes a port; give the host alone and the port as port`);
  }
}

/** Reports a port that is not a whole number from 1 to 65535. */
export function validatePort(report: ReportProblem, path: PathSegment[], port: unknown): void {
  validateWholeNumber(report, path, port, { min: 1, max: 65_535 });
}

/** Whether `url` parses as an absolute `https:` URL. */
export function isHttpsUrl(url: unknown): boolean {
  return typeof url === 'string' && URL.canParse(url) && new URL(url).protocol === 'https:';
}

/** Reports a check URL that does not parse, is not http(s), or carries credentials. */
export function validateUrl(report: ReportProblem, path: PathSegment[], url: unknown): void {
  if (typeof url !== 'string') return;
  const label = fieldLabel(path);
  if (!URL.canParse(url)) {
    report(
      path,
      `${label} ${quote(url)} is not an absolute URL; write it in full, such as https://api.example.com/health`,
    );
    return;
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    report(path, `${label} uses the ${quote(parsed.protocol)} scheme; only http: and https: are supported`);
    return;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    report(
      path,
      `${label} contains credentials (user:password@); remove them and send an authorization header with secret('/ssm/path') instead`,
    );
  }
}
