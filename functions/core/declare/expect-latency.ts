import type { Assertion, LatencyPhase } from './assertion';
import { buildAssertion } from './build-assertion';
import type { Duration } from './duration';

/** A latency limit: a duration such as `'800ms'`, or a number of milliseconds. */
export type LatencyLimit = Duration | number;

/** Assertions on the probe's total latency or one of its measured phases. */
export interface LatencyExpectation {
  /** The latency is below `limit`. */
  lessThan(limit: LatencyLimit): Assertion;
  /** The latency is at most `limit`. */
  lessThanOrEqual(limit: LatencyLimit): Assertion;
  /** The latency is above `limit`. */
  greaterThan(limit: LatencyLimit): Assertion;
  /** The latency is at least `limit`. */
  greaterThanOrEqual(limit: LatencyLimit): Assertion;
}

/**
 * Starts an assertion on latency.
 * @param phase `'total'` (from before DNS to the last byte) or one phase:
 *   `'dns'`, `'connect'`, `'tls'`, `'ttfb'`, `'transfer'`.
 * @default 'total'
 */
export function expectLatency(phase?: LatencyPhase): LatencyExpectation {
  const on = (comparison: Assertion['comparison'], limit: LatencyLimit) =>
    buildAssertion('latency', comparison, { property: phase, target: limit });
  return {
    lessThan: (limit) => on('lessThan', limit),
    lessThanOrEqual: (limit) => on('lessThanOrEqual', limit),
    greaterThan: (limit) => on('greaterThan', limit),
    greaterThanOrEqual: (limit) => on('greaterThanOrEqual', limit),
  };
}
