import type { Assertion } from './assertion';
import { buildAssertion } from './build-assertion';
import { type RegexInput, regexTarget } from './regex-source';

/** A JSON value an assertion on a JSON body can compare with. */
export type JsonTargetValue = string | number | boolean | null | Array<string | number>;

/**
 * Assertions on the value a JSONPath selects in the response body, parsed as JSON (HTTP checks only).
 * When the path selects several values, comparisons look at the first.
 */
export interface JsonBodyExpectation {
  /** The selected value equals `value` (arrays compare element by element). */
  equals(value: JsonTargetValue): Assertion;
  /** Nothing is selected, or the selected value differs from `value`. */
  notEquals(value: JsonTargetValue): Assertion;
  /** The selected string contains `value`, or the selected array has `value` as an element. */
  contains(value: string | number | boolean): Assertion;
  /** Nothing is selected, or the selected string or array does not contain `value`. */
  notContains(value: string | number | boolean): Assertion;
  /** The selected value is a number below `value`. */
  lessThan(value: number): Assertion;
  /** The selected value is a number at most `value`. */
  lessThanOrEqual(value: number): Assertion;
  /** The selected value is a number above `value`. */
  greaterThan(value: number): Assertion;
  /** The selected value is a number at least `value`. */
  greaterThanOrEqual(value: number): Assertion;
  /** The selected value is one of `values`. */
  oneOf(values: Array<string | number>): Assertion;
  /** The selected value, as text, matches `regex`: a RegExp such as `/^2\d\d$/`, or a pattern string. */
  matches(regex: RegexInput): Assertion;
  /** Nothing is selected, or the selected value, as text, does not match `regex`. */
  notMatches(regex: RegexInput): Assertion;
  /** The path selects at least one value (`null` counts). */
  exists(): Assertion;
  /** The path selects nothing. */
  notExists(): Assertion;
}

/**
 * Starts an assertion on a value in a JSON response body.
 * @param path An RFC 9535 JSONPath such as `'$.status'` or `'$.items[0].id'`.
 */
export function expectJsonBody(path: string): JsonBodyExpectation {
  const on = (comparison: Assertion['comparison'], target?: Assertion['target']) =>
    buildAssertion('jsonBody', comparison, { property: path, target });
  return {
    equals: (value) => on('equals', copyTarget(value)),
    notEquals: (value) => on('notEquals', copyTarget(value)),
    contains: (value) => on('contains', value),
    notContains: (value) => on('notContains', value),
    lessThan: (value) => on('lessThan', value),
    lessThanOrEqual: (value) => on('lessThanOrEqual', value),
    greaterThan: (value) => on('greaterThan', value),
    greaterThanOrEqual: (value) => on('greaterThanOrEqual', value),
    oneOf: (values) => on('oneOf', [...values]),
    matches: (regex) => on('matches', regexTarget(regex)),
    notMatches: (regex) => on('notMatches', regexTarget(regex)),
    exists: () => on('exists'),
    notExists: () => on('notExists'),
  };
}

function copyTarget(value: JsonTargetValue): JsonTargetValue {
  return Array.isArray(value) ? [...value] : value;
}
