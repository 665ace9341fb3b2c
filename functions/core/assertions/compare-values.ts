import type { AssertionTarget, Comparison } from '../declare/assertion';
import { compileRegex, isRegexSource } from '../declare/regex-source';

/** What an assertion found: a value, or nothing at all (a missing header, a JSONPath with no match). */
export type Observed = { present: true; value: unknown } | { present: false };

/** The result of one comparison: whether it held, or why it could not be made. */
export type ComparisonResult = { passed: boolean } | { passed: false; problem: string };

const holdsWhenAbsent: ReadonlySet<Comparison> = new Set([
  'notEquals',
  'notContains',
  'notMatches',
  'notExists',
]);

/**
 * Compares an observed value with a target. Comparisons never coerce between strings and numbers;
 * ordering needs two numbers. A value that is absent passes only the negative comparisons.
 * `contains` on an array looks for an element equal to the target. Never throws.
 */
export function compareValues(
  comparison: Comparison,
  observed: Observed,
  target: AssertionTarget | undefined,
): ComparisonResult {
  if (comparison === 'exists') return { passed: observed.present };
  if (!observed.present) return { passed: holdsWhenAbsent.has(comparison) };
  const { value } = observed;
  switch (comparison) {
    case 'notExists':
      return { passed: false };
    case 'equals':
      return { passed: jsonEqual(value, target) };
    case 'notEquals':
      return { passed: !jsonEqual(value, target) };
    case 'lessThan':
      return { passed: typeof value === 'number' && typeof target === 'number' && value < target };
    case 'lessThanOrEqual':
      return { passed: typeof value === 'number' && typeof target === 'number' && value <= target };
    case 'greaterThan':
      return { passed: typeof value === 'number' && typeof target === 'number' && value > target };
    case 'greaterThanOrEqual':
      return { passed: typeof value === 'number' && typeof target === 'number' && value >= target };
    case 'contains':
      return { passed: contains(value, target) };
    case 'notContains':
      return { passed: !contains(value, target) };
    case 'matches':
    case 'notMatches':
      return matchResult(comparison, value, target);
    case 'oneOf':
      return { passed: Array.isArray(target) && target.some((item) => jsonEqual(value, item)) };
  }
}

function matchResult(
  comparison: 'matches' | 'notMatches',
  value: unknown,
  target: unknown,
): ComparisonResult {
  if (!isRegexSource(target)) return { passed: false, problem: 'its target is not a regular expression' };
  const compiled = compileRegex(target);
  if (!compiled.ok)
    return { passed: false, problem: `its regular expression does not compile: ${compiled.reason}` };
  const matched = compiled.regex.test(textOf(value));
  return { passed: comparison === 'matches' ? matched : !matched };
}

function contains(value: unknown, target: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => jsonEqual(item, target));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return (
      target !== null &&
      target !== undefined &&
      typeof target !== 'object' &&
      String(value).includes(String(target))
    );
  }
  return false;
}

/** A value as text for regular expressions: strings as they are, anything else as JSON. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** Structural equality of JSON values (numbers by value, arrays by element, objects by key). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every(
      (key) => Object.hasOwn(bRecord, key) && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]),
    )
  );
}
