import type { Assertion } from './assertion';
import { buildAssertion } from './build-assertion';
import { type RegexInput, regexTarget } from './regex-source';

/**
 * Assertions on the response body (HTTP) or the reply (TCP), as far as it was read
 * (at most `maxBodyBytes`), decoded as UTF-8.
 */
export interface BodyExpectation {
  /** The body is exactly `text`. */
  equals(text: string): Assertion;
  /** The body is anything but `text`. */
  notEquals(text: string): Assertion;
  /** The body contains `text`. */
  contains(text: string): Assertion;
  /** The body does not contain `text`. */
  notContains(text: string): Assertion;
  /** The body matches `regex`: a RegExp such as `/ok/i`, or a pattern string such as `'^ok'`. */
  matches(regex: RegexInput): Assertion;
  /** The body does not match `regex`. */
  notMatches(regex: RegexInput): Assertion;
}

/** Starts an assertion on the response body (HTTP) or reply (TCP). */
export function expectBody(): BodyExpectation {
  const on = (comparison: Assertion['comparison'], target: Assertion['target']) =>
    buildAssertion('body', comparison, { target });
  return {
    equals: (text) => on('equals', text),
    notEquals: (text) => on('notEquals', text),
    contains: (text) => on('contains', text),
    notContains: (text) => on('notContains', text),
    matches: (regex) => on('matches', regexTarget(regex)),
    notMatches: (regex) => on('notMatches', regexTarget(regex)),
  };
}
