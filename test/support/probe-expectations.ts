import { expect } from 'vitest';
import type { ErrorCode, ProbeResult } from '../../functions/core/probe-result';

/** Asserts a probe passed, showing its error when it did not. */
export function expectOk(result: ProbeResult): void {
  expect(result.error, 'the probe failed').toBeUndefined();
  expect(result.ok).toBe(true);
}

/** Asserts a probe failed with exactly `code`, and that its message matches `message`. */
export function expectFailure(result: ProbeResult, code: ErrorCode, message: RegExp): void {
  expect(result.ok, `expected ${code}, got ${JSON.stringify(result.error)}`).toBe(false);
  expect(result.error?.code, `message: ${result.error?.message}`).toBe(code);
  expect(result.error?.message).toMatch(message);
}
