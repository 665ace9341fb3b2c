import type { Assertion } from './assertion';
import { buildAssertion } from './build-assertion';
import { type RegexInput, regexTarget } from './regex-source';

/** Assertions on one response header (HTTP checks only). The name matches case-insensitively. */
export interface HeaderExpectation {
  /** The header is present and exactly `value`. */
  equals(value: string): Assertion;
  /** The header is absent or not exactly `value`. */
  notEquals(value: string): Assertion;
  /** The header is present and contains `text`. */
  contains(text: string): Assertion;
  /** The header is absent or does not contain `text`. */
  notContains(text: string): Assertion;
  /** The header is present and matches `regex`: a RegExp such as `/json/i`, or a pattern string. */
  matches(regex: RegexInput): Assertion;
  /** The header is absent or does not match `regex`. */
  notMatches(regex: RegexInput): Assertion;
  /** The header is present, whatever its value. */
  exists(): Assertion;
  /** The header is absent. */
  notExists(): Assertion;
}

/**
 * Starts an assertion on a response header.
 * @param name The header name, such as `'content-type'`; matched case-insensitively.
 */
export function expectHeader(name: string): HeaderExpectation {
  const on = (comparison: Assertion['comparison'], target?: Assertion['target']) =>
    buildAssertion('header', comparison, { property: name, target });
  return {
    equals: (value) => on('equals', value),
    notEquals: (value) => on('notEquals', value),
    contains: (text) => on('contains', text),
    notContains: (text) => on('notContains', text),
    matches: (regex) => on('matches', regexTarget(regex)),
    notMatches: (regex) => on('notMatches', regexTarget(regex)),
    exists: () => on('exists'),
    notExists: () => on('notExists'),
  };
}
