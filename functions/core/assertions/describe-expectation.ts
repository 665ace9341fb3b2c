import type { AssertionTarget, Comparison } from '../declare/assertion';
import { formatRegex, isRegexSource } from '../declare/regex-source';

/** The unit a target is shown in: milliseconds for latency, days for certificates. */
export type TargetUnit = 'ms' | 'days' | undefined;

const longestShownText = 80;

/** Shows a number with at most one decimal place. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Shows a value as JSON, shortened past 80 characters: `"ok"`, `200`, `[1,2]`. */
export function formatJsonValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > longestShownText ? `${json.slice(0, longestShownText - 1)}…` : json;
}

/** Shows a target in a message: `800ms`, `14 days`, `"ok"`, `/json/i`, `200, 204`. */
export function formatTarget(target: AssertionTarget | undefined, unit: TargetUnit): string {
  if (typeof target === 'number' && unit === 'ms') return `${formatNumber(target)}ms`;
  if (typeof target === 'number' && unit === 'days') return `${formatNumber(target)} days`;
  if (isRegexSource(target)) return formatRegex(target);
  if (Array.isArray(target)) return target.map((item) => formatJsonValue(item)).join(', ');
  return formatJsonValue(target);
}

/**
 * What an assertion expects, as the words after "expected": `less than 400`, `to contain "json"`, `[]` (a list
 * to equal is shown as JSON, brackets included, so that an empty one shows).
 */
export function describeExpectation(
  comparison: Comparison,
  target: AssertionTarget | undefined,
  unit: TargetUnit,
): string {
  const isEquality = comparison === 'equals' || comparison === 'notEquals';
  const shown = isEquality && Array.isArray(target) ? formatJsonValue(target) : formatTarget(target, unit);
  switch (comparison) {
    case 'equals':
      return shown;
    case 'notEquals':
      return `not ${shown}`;
    case 'lessThan':
      return `less than ${shown}`;
    case 'lessThanOrEqual':
      return `at most ${shown}`;
    case 'greaterThan':
      return `greater than ${shown}`;
    case 'greaterThanOrEqual':
      return `at least ${shown}`;
    case 'contains':
      return `to contain ${shown}`;
    case 'notContains':
      return `not to contain ${shown}`;
    case 'matches':
      return `to match ${shown}`;
    case 'notMatches':
      return `not to match ${shown}`;
    case 'exists':
      return 'to be present';
    case 'notExists':
      return 'to be absent';
    case 'oneOf':
      return `one of ${shown}`;
  }
}
