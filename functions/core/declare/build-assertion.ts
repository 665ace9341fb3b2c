import type { Assertion, AssertionSource, AssertionTarget, Comparison } from './assertion';

/** Builds one assertion as plain data, leaving out `property` and `target` when they are not given. */
export function buildAssertion(
  source: AssertionSource,
  comparison: Comparison,
  options: { property?: string; target?: AssertionTarget } = {},
): Assertion {
  return {
    source,
    ...(options.property === undefined ? {} : { property: options.property }),
    comparison,
    ...(options.target === undefined ? {} : { target: options.target }),
  };
}
