import {
  describeExpectation,
  formatJsonValue,
  formatNumber,
} from '../../core/assertions/describe-expectation';
import { quote } from '../../core/assertions/describe-value';
import type { Assertion, AssertionOutcome } from '../../core/declare/assertion';
import { parseDurationMs } from '../../core/declare/duration';

/**
 * The message an assertion's outcome has in the usual case, rebuilt from the assertion and the actual value
 * (`status 503, expected less than 400`), as `evaluateAssertions` words it. The stored form keeps an outcome's
 * message only when it differs from this (a body that is not JSON, several JSONPath matches...), so a changed
 * wording here costs bytes, never correctness.
 */
export function usualAssertionMessage(assertion: Assertion, actual: AssertionOutcome['actual']): string {
  return `${seen(assertion, actual)}, expected ${describeExpectation(
    assertion.comparison,
    comparableTarget(assertion),
    unitOf(assertion),
  )}`;
}

function seen(assertion: Assertion, actual: AssertionOutcome['actual']): string {
  switch (assertion.source) {
    case 'status':
      return actual === null ? 'status missing (no HTTP response)' : `status ${String(actual)}`;
    case 'header': {
      const name = (assertion.property ?? '').toLowerCase();
      return actual === null ? `header ${name} missing` : `header ${name} is ${quote(String(actual))}`;
    }
    case 'body':
      return actual === null ? 'body missing' : `body ${quote(String(actual))}`;
    case 'jsonBody': {
      const path = assertion.property ?? '$';
      return actual === null ? `${path} not found` : `${path} is ${formatJsonValue(actual)}`;
    }
    case 'latency': {
      const phase =
        assertion.property === undefined || assertion.property === 'total' ? '' : ` ${assertion.property}`;
      return `latency${phase} ${typeof actual === 'number' ? formatNumber(actual) : String(actual)}ms`;
    }
    case 'certificate':
      if (typeof actual !== 'number') return 'certificate missing (no TLS handshake)';
      return actual >= 0
        ? `certificate expires in ${formatNumber(actual)} days`
        : `certificate expired ${formatNumber(-actual)} days ago`;
  }
}

function comparableTarget(assertion: Assertion): Assertion['target'] {
  if (assertion.source === 'latency' && typeof assertion.target === 'string') {
    return parseDurationMs(assertion.target) ?? assertion.target;
  }
  return assertion.target;
}

function unitOf(assertion: Assertion): 'ms' | 'days' | undefined {
  if (assertion.source === 'latency') return 'ms';
  if (assertion.source === 'certificate') return 'days';
  return undefined;
}
