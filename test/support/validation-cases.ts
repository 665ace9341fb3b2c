import { describe, expect, it } from 'vitest';
import { type ValidationProblem, validateMonitor } from '../../functions/core';

/** A problem a declaration must be reported with. */
export interface ExpectedProblem {
  /** Where, exactly: such as `checks[0].timeout`. */
  path: string;
  /** The check the problem is reported against, exactly; undefined for the monitor. */
  checkId: string | undefined;
  /** A part of the message. */
  reason: string;
}

/** A declaration that is invalid, and the problem it must be reported with. */
export interface InvalidCase extends ExpectedProblem {
  /** What is wrong. */
  name: string;
  /** The broken declaration. */
  input: unknown;
  /**
   * How many problems the declaration has in all.
   * @default 1
   */
  count?: number;
}

/** A declaration that must be valid. */
export interface ValidCase {
  /** What it shows. */
  name: string;
  input: unknown;
}

/** The problems `validateMonitor` reports for `input`; fails the test when it finds the input valid. */
export function expectInvalid(input: unknown): ValidationProblem[] {
  const validation = validateMonitor(input);
  expect(validation.ok, 'expected the declaration to be invalid').toBe(false);
  return validation.ok ? [] : validation.problems;
}

/** Expects `input` to have `count` problems in all, `expected` among them. */
export function expectProblem(input: unknown, expected: ExpectedProblem, count = 1): void {
  const problems = expectInvalid(input);
  const problem = problems.find((candidate) => candidate.path === expected.path);
  expect(problem, `no problem at ${expected.path}; got ${JSON.stringify(problems)}`).toBeDefined();
  expect(problem?.checkId).toBe(expected.checkId);
  expect(problem?.message).toContain(expected.reason);
  expect(problems, JSON.stringify(problems)).toHaveLength(count);
}

/** A `describe` with one test per case, each named after it. */
export function describeInvalidCases(title: string, cases: readonly InvalidCase[]): void {
  describe(title, () => {
    it.each(cases)('$name', ({ input, count, ...expected }) => expectProblem(input, expected, count));
  });
}

/** A `describe` with one test per case: `validateMonitor` finds no problem. */
export function describeValidCases(title: string, cases: readonly ValidCase[]): void {
  describe(title, () => {
    it.each(cases)('$name', ({ input }) => {
      const validation = validateMonitor(input);
      expect(validation.ok ? [] : validation.problems).toEqual([]);
    });
  });
}
