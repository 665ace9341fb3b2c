import type { Assertion } from './assertion';
import { buildAssertion } from './build-assertion';

/** Assertions on the final HTTP status code (HTTP checks only). */
export interface StatusExpectation {
  /** The status is exactly `status`. */
  equals(status: number): Assertion;
  /** The status is anything but `status`. */
  notEquals(status: number): Assertion;
  /** The status is below `status`, such as `lessThan(400)` for "not an error". */
  lessThan(status: number): Assertion;
  /** The status is at most `status`. */
  lessThanOrEqual(status: number): Assertion;
  /** The status is above `status`. */
  greaterThan(status: number): Assertion;
  /** The status is at least `status`. */
  greaterThanOrEqual(status: number): Assertion;
  /** The status is one of `statuses`, such as `oneOf([200, 204])`. */
  oneOf(statuses: number[]): Assertion;
}

/** Starts an assertion on the final HTTP status code. */
export function expectStatus(): StatusExpectation {
  const on = (comparison: Assertion['comparison'], target: number | number[]) =>
    buildAssertion('status', comparison, { target });
  return {
    equals: (status) => on('equals', status),
    notEquals: (status) => on('notEquals', status),
    lessThan: (status) => on('lessThan', status),
    lessThanOrEqual: (status) => on('lessThanOrEqual', status),
    greaterThan: (status) => on('greaterThan', status),
    greaterThanOrEqual: (status) => on('greaterThanOrEqual', status),
    oneOf: (statuses) => on('oneOf', [...statuses]),
  };
}
