import { describeExpectation, formatTarget, type TargetUnit } from '../assertions/describe-expectation';
import type { AssertionOutcome } from '../declare/assertion';

/** What an assertion looked at, in words: `status`, `header content-type`, `JSON $.status`, `tls latency`. */
export function assertionLabel(outcome: AssertionOutcome): string {
  const { source, property } = outcome.assertion;
  switch (source) {
    case 'status':
      return 'status';
    case 'header':
      return `header ${property ?? ''}`.trim();
    case 'body':
      return 'body';
    case 'jsonBody':
      return `JSON ${property ?? '$'}`;
    case 'latency':
      return property === undefined || property === 'total' ? 'latency' : `${property} latency`;
    case 'certificate':
      return `certificate ${property ?? ''}`.trim();
  }
}

/** One failed assertion, expected vs actual: `status: expected 200, actual 503`. */
export function describeFailedAssertion(outcome: AssertionOutcome): string {
  const unit = unitOf(outcome);
  const { comparison, target } = outcome.assertion;
  const expected = describeExpectation(comparison, target, unit);
  return `${assertionLabel(outcome)}: expected ${expected}, actual ${formatTarget(outcome.actual, unit)}`;
}

function unitOf(outcome: AssertionOutcome): TargetUnit {
  if (outcome.assertion.source === 'latency') return 'ms';
  if (outcome.assertion.source === 'certificate') return 'days';
  return undefined;
}
