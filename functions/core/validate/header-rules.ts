import { quote } from '../assertions/describe-value';
import { asRecord } from './rule-helpers';
import { validateSecretRef } from './secret-ref-rules';
import type { PathSegment, ReportProblem } from './validation-problem';

/** The characters RFC 9110 allows in a header name (a "token"). */
const headerNameToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const secretHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
]);
const secretHeaderNameParts = ['token', 'secret', 'password', 'api-key', 'apikey'];

/** Whether a string is a valid HTTP header name. */
export function isValidHeaderName(name: string): boolean {
  return headerNameToken.test(name);
}

/** Whether a header's name says its value is a credential, so that it must not be written as plain text. */
export function isSecretHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return secretHeaderNames.has(lower) || secretHeaderNameParts.some((part) => lower.includes(part));
}

/**
 * Reports invalid header names, names set twice (ignoring case), line breaks in values,
 * credentials written as plain text, and malformed secret references.
 */
export function validateHeaders(report: ReportProblem, path: PathSegment[], headers: unknown): void {
  const record = asRecord(headers);
  if (record === undefined) return;
  const seen = new Map<string, string>();
  for (const [name, value] of Object.entries(record)) {
    const headerPath = [...path, name];
    if (!isValidHeaderName(name)) {
      report(
        headerPath,
        `header name ${quote(name)} is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only)`,
      );
    }
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      report(
        headerPath,
        `header ${quote(name)} is set twice (also as ${quote(earlier)}); header names ignore case`,
      );
    } else seen.set(name.toLowerCase(), name);
    if (typeof value === 'string') {
      if (/[\r\n\0]/.test(value))
        report(headerPath, `header ${quote(name)} has a line break or NUL character in its value`);
      if (isSecretHeaderName(name)) {
        report(
          headerPath,
          `header ${quote(name)} carries a credential as plain text; store it in SSM Parameter Store and write secret('/ssm/path') so it is read at run time and never stored`,
        );
      }
    } else {
      validateSecretRef(report, [...headerPath, 'ref'], asRecord(value)?.ref);
    }
  }
}
