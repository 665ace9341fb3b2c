import parseJsonPath from 'jsonpath-rfc9535/parser';
import { describeValue, quote, showValue } from '../assertions/describe-value';
import { type CheckKind, checkKindTable, measuredPhases } from '../check-kinds';
import type { AssertionSource, Comparison } from '../declare/assertion';
import { parseDurationMs } from '../declare/duration';
import { compileRegex, formatRegex, isRegexSource } from '../declare/regex-source';
import { comparisons, isOneOf, latencyPhases } from '../declare/vocabulary';
import { isValidHeaderName } from './header-rules';
import { asRecord, isFiniteNumber } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

const orderings: readonly Comparison[] = ['lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'];
const presence: readonly Comparison[] = ['exists', 'notExists'];
const textComparisons: readonly Comparison[] = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'matches',
  'notMatches',
];

/** Which comparisons each source supports. */
export const comparisonsBySource: Record<AssertionSource, readonly Comparison[]> = {
  status: ['equals', 'notEquals', ...orderings, 'oneOf'],
  header: [...textComparisons, ...presence, 'oneOf'],
  body: textComparisons,
  jsonBody: comparisons,
  latency: orderings,
  certificate: orderings,
};

/** What an assertion needs to know about the check it belongs to. */
export interface AssertionCheckFacts {
  /** The kind of check. */
  kind: CheckKind;
  /** Whether the check talks TLS: an `https:` URL or a TLS check. `undefined` when the URL is invalid. */
  usesTls: boolean | undefined;
}

/** Reports everything wrong with one assertion, given the check it belongs to. */
export function validateAssertion(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  check: AssertionCheckFacts,
): void {
  const assertion = asRecord(value);
  if (assertion === undefined) return;
  const { source, comparison } = assertion;
  if (!isOneOf(source, Object.keys(comparisonsBySource) as AssertionSource[])) return;
  const at = (key: string): PathSegment[] => [...path, key];

  const allowedSources: readonly AssertionSource[] = checkKindTable[check.kind].assertionSources;
  if (!allowedSources.includes(source)) {
    report(
      at('source'),
      `${fieldLabel(at('source'))} ${quote(source)} does not apply to ${check.kind} checks; use ${allowedSources.join(' or ')}`,
    );
    return;
  }
  if (source === 'certificate' && check.usesTls === false) {
    report(
      at('source'),
      `${fieldLabel(at('source'))} "certificate" needs an https: URL; this check's URL is plain http:`,
    );
    return;
  }
  validateProperty(report, at('property'), source, assertion.property, check);
  if (!isOneOf(comparison, comparisons)) return;
  if (!comparisonsBySource[source].includes(comparison)) {
    report(
      at('comparison'),
      `${fieldLabel(at('comparison'))} ${quote(comparison)} does not apply to ${source} assertions; use ${comparisonsBySource[source].join(', ')}`,
    );
    return;
  }
  validateTarget(report, at('target'), source, comparison, assertion.target);
}

function validateProperty(
  report: ReportProblem,
  path: PathSegment[],
  source: AssertionSource,
  property: unknown,
  check: AssertionCheckFacts,
): void {
  const label = fieldLabel(path);
  if (property !== undefined && typeof property !== 'string') return;
  switch (source) {
    case 'status':
    case 'body':
      if (property !== undefined)
        report(path, `${label} ${quote(property)} does not apply to ${source} assertions; leave it out`);
      return;
    case 'header':
      if (property === undefined)
        report(path, `${label} is required: the header name, such as 'content-type'`);
      else if (!isValidHeaderName(property))
        report(path, `${label} ${quote(property)} is not a valid HTTP header name`);
      return;
    case 'jsonBody':
      if (property === undefined) report(path, `${label} is required: a JSONPath such as '$.status'`);
      else {
        const reason = jsonPathProblem(property);
        if (reason !== undefined)
          report(path, `${label} ${quote(property)} is not a valid JSONPath: ${reason}`);
      }
      return;
    case 'latency': {
      if (property === undefined) return;
      if (!isOneOf(property, latencyPhases)) {
        report(path, `${label} ${quote(property)} is not a latency phase; use ${latencyPhases.join(', ')}`);
      } else if (
        property !== 'total' &&
        check.usesTls !== undefined &&
        !measuredPhases(check.kind, check.usesTls).includes(property)
      ) {
        report(
          path,
          `${label} ${quote(property)} is never measured for this ${check.kind} check, so it would always be 0`,
        );
      }
      return;
    }
    case 'certificate':
      if (property !== 'daysUntilExpiry') {
        report(
          path,
          `${label} ${describeValue(property)} is not a certificate property; use 'daysUntilExpiry'`,
        );
      }
      return;
  }
}

/**
 * Why a JSONPath does not parse, in plain words (the parser's own message lists grammar tokens), or
 * `undefined` when it does: `a JSONPath starts with $, such as $.status; did you mean "$.status"?`.
 */
export function jsonPathProblem(path: string): string | undefined {
  try {
    parseJsonPath(path);
    return undefined;
  } catch (error) {
    return plainJsonPathProblem(path, error);
  }
}

/** Dotted names written without the leading `$`: `status.indicator`, `.status`. */
const dottedNames = /^\.?[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/;

function plainJsonPathProblem(path: string, error: unknown): string {
  if (!path.startsWith('$')) {
    const trimmed = path.trim();
    let hint = '';
    if (trimmed.startsWith('$')) hint = '; take out the spaces around it';
    else if (trimmed.startsWith('@'))
      hint = '; @ is the current value, only inside a filter such as $[?@.ok]';
    else if (dottedNames.test(trimmed))
      hint = `; did you mean ${quote(`$${trimmed.startsWith('.') ? '' : '.'}${trimmed}`)}?`;
    return `a JSONPath starts with $, such as $.status${hint}`;
  }
  const location = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset;
  const found = (error as { found?: unknown }).found;
  if (found === null || location === undefined || location >= path.length) {
    return 'it ends too early: close every [ and quote, and follow each . with a name, such as $.items[0].id';
  }
  return `it cannot be read from character ${location + 1} on (${quote(path.slice(location))}): names with spaces or symbols go in brackets and quotes, such as $['a b'], and indexes are whole numbers, such as $.items[0]`;
}

function validateTarget(
  report: ReportProblem,
  path: PathSegment[],
  source: AssertionSource,
  comparison: Comparison,
  target: unknown,
): void {
  const label = fieldLabel(path);
  if (target === undefined) {
    if (!presence.includes(comparison)) report(path, `${label} is required for ${comparison}`);
    return;
  }
  if (!isWellTypedTarget(target)) return; // the structural check reports it
  const reason = targetProblem(source, comparison, target);
  if (reason !== undefined) {
    const shown = isRegexSource(target) ? formatRegex(target) : showValue(target);
    report(path, `${label} ${shown} ${reason}`);
  }
}

function isWellTypedTarget(target: unknown): boolean {
  const isScalar = (value: unknown) => typeof value === 'string' || isFiniteNumber(value);
  if (isScalar(target) || typeof target === 'boolean' || target === null || isRegexSource(target))
    return true;
  return Array.isArray(target) && target.every(isScalar);
}

/** Why a (present) target does not suit the source and comparison, or `undefined` when it does. */
function targetProblem(source: AssertionSource, comparison: Comparison, target: unknown): string | undefined {
  if (presence.includes(comparison)) return `must be left out for ${comparison}, which compares with nothing`;
  if (comparison === 'matches' || comparison === 'notMatches') return regexTargetProblem(comparison, target);
  if (comparison === 'oneOf') return oneOfTargetProblem(source, target);
  switch (source) {
    case 'status':
      return statusTargetProblem(comparison, target);
    case 'latency':
      return latencyTargetProblem(target);
    case 'certificate':
      return typeof target === 'number' ? undefined : 'must be a number of days';
    case 'header':
    case 'body':
      if (typeof target !== 'string') return `must be a string for ${source} assertions`;
      if (target === '' && (comparison === 'contains' || comparison === 'notContains')) {
        return `is empty, so ${comparison} would always ${comparison === 'contains' ? 'pass' : 'fail'}`;
      }
      return undefined;
    case 'jsonBody':
      return jsonBodyTargetProblem(comparison, target);
  }
}

function regexTargetProblem(comparison: Comparison, target: unknown): string | undefined {
  if (!isRegexSource(target)) {
    const example = typeof target === 'string' && target !== '' ? `/${target}/` : '/…/';
    return `is not a regular expression: ${comparison}() takes a RegExp such as ${example} (or a pattern string); as plain data, write { pattern, flags }`;
  }
  const compiled = compileRegex(target);
  return compiled.ok ? undefined : `is not a valid regular expression: ${compiled.reason}`;
}

function oneOfTargetProblem(source: AssertionSource, target: unknown): string | undefined {
  if (!Array.isArray(target) || target.length === 0) return 'must be a non-empty list for oneOf';
  if (source === 'status' && !target.every(isHttpStatus))
    return 'must list HTTP statuses (whole numbers from 100 to 599)';
  if (source === 'header' && !target.every((item) => typeof item === 'string')) {
    return 'must list strings for header assertions';
  }
  return undefined;
}

function isHttpStatus(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

function statusTargetProblem(comparison: Comparison, target: unknown): string | undefined {
  if (typeof target !== 'number') return 'must be a number for status assertions';
  const outOfRange = orderings.includes(comparison) ? target < 100 || target > 600 : !isHttpStatus(target);
  return outOfRange ? 'is not an HTTP status; statuses are whole numbers from 100 to 599' : undefined;
}

function latencyTargetProblem(target: unknown): string | undefined {
  const targetMs = typeof target === 'number' ? target : parseDurationMs(target);
  if (targetMs === undefined) return `must be a duration such as '800ms' or a number of milliseconds`;
  return targetMs > 0 ? undefined : 'must be greater than zero';
}

function jsonBodyTargetProblem(comparison: Comparison, target: unknown): string | undefined {
  if (orderings.includes(comparison) && typeof target !== 'number')
    return `must be a number for ${comparison}`;
  if (isRegexSource(target)) return `must be a JSON value for ${comparison}, not a regular expression`;
  const isScalar = typeof target === 'string' || typeof target === 'number' || typeof target === 'boolean';
  if ((comparison === 'contains' || comparison === 'notContains') && !isScalar) {
    return `must be a string, number, true or false for ${comparison}`;
  }
  return undefined;
}
