import { describe, expect, it } from 'vitest';
import { describeError, isLookoutError, LookoutError } from '../../functions/core/lookout-error';

class ExampleError extends LookoutError {
  override readonly name = 'ExampleError';
  readonly code = 'LOOKOUT_METRICS_NOT_PUBLISHED';
}

describe('describeError', () => {
  it('gives an error as `<name>: <message>`, so the kind of failure shows', () => {
    expect(describeError(new TypeError('fetch failed'))).toBe('TypeError: fetch failed');
    const named = Object.assign(new Error('Requested resource not found'), {
      name: 'ResourceNotFoundException',
    });
    expect(describeError(named)).toBe('ResourceNotFoundException: Requested resource not found');
  });

  it('gives the name alone when the message is empty', () => {
    expect(describeError(Object.assign(new Error(''), { name: 'TimeoutError' }))).toBe('TimeoutError');
  });

  it('gives anything else that was thrown as a string', () => {
    expect(describeError('socket hang up')).toBe('socket hang up');
    expect(describeError(42)).toBe('42');
    expect(describeError(undefined)).toBe('undefined');
  });
});

describe('LookoutError', () => {
  it('is an Error with its own name and a stable code', () => {
    const error = new ExampleError('3 of 4 metric datums were not published');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ExampleError');
    expect(error.code).toBe('LOOKOUT_METRICS_NOT_PUBLISHED');
    expect(describeError(error)).toBe('ExampleError: 3 of 4 metric datums were not published');
  });

  it('lets callers branch on the code', () => {
    const error: unknown = new ExampleError('not published');
    expect(isLookoutError(error)).toBe(true);
    expect(isLookoutError(error, 'LOOKOUT_METRICS_NOT_PUBLISHED')).toBe(true);
    expect(isLookoutError(error, 'LOOKOUT_RESULTS_NOT_WRITTEN')).toBe(false);
  });

  it('is not any error that happens to carry a code', () => {
    const network = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(isLookoutError(network)).toBe(false);
    expect(isLookoutError({ code: 'LOOKOUT_METRICS_NOT_PUBLISHED' })).toBe(false);
    expect(isLookoutError(undefined)).toBe(false);
  });
});
