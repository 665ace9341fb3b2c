import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  isRetryableAwsError,
  retryWithBackoff,
} from '../../functions/adapters/retry-with-backoff';

function awsError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
}

describe('retryWithBackoff', () => {
  it('retries until the operation succeeds, waiting a jittered, doubling, capped delay between attempts', async () => {
    const delaysMs: number[] = [];
    const attempts: number[] = [];
    const value = await retryWithBackoff(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 5) throw awsError('ThrottlingException', 400);
        return 'done';
      },
      { baseDelayMs: 100, maxDelayMs: 500, random: () => 0.999, sleep: async (ms) => void delaysMs.push(ms) },
    );
    expect(value).toBe('done');
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
    expect(delaysMs).toEqual([99, 199, 399, 499]);
  });

  it('gives up after the attempts, with the last error', async () => {
    let calls = 0;
    const failing = retryWithBackoff(
      async () => {
        calls++;
        throw awsError('InternalServerError', 500);
      },
      { attempts: 3, sleep: async () => {} },
    );
    await expect(failing).rejects.toThrow('InternalServerError');
    expect(calls).toBe(3);
  });

  it('does not retry an error that is not retryable', async () => {
    let calls = 0;
    const failing = retryWithBackoff(
      async () => {
        calls++;
        throw awsError('ConditionalCheckFailedException', 400);
      },
      { sleep: async () => {} },
    );
    await expect(failing).rejects.toThrow('ConditionalCheckFailedException');
    expect(calls).toBe(1);
  });

  it('draws full jitter: from 0 to the ceiling', () => {
    expect(backoffDelayMs(1, 50, 5000, () => 0)).toBe(0);
    expect(backoffDelayMs(3, 50, 5000, () => 0.5)).toBe(100);
    expect(backoffDelayMs(30, 50, 5000, () => 0.5)).toBe(2500);
  });
});

describe('isRetryableAwsError', () => {
  it('retries throttling, server errors, and network errors', () => {
    expect(isRetryableAwsError(awsError('ThrottlingException', 400))).toBe(true);
    expect(isRetryableAwsError(awsError('ProvisionedThroughputExceededException', 400))).toBe(true);
    expect(isRetryableAwsError(awsError('RequestLimitExceeded', 400))).toBe(true);
    expect(isRetryableAwsError(awsError('Throttling', 400))).toBe(true);
    expect(isRetryableAwsError(awsError('SomethingNew', 503))).toBe(true);
    expect(isRetryableAwsError(awsError('TooManyRequests', 429))).toBe(true);
    expect(isRetryableAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      true,
    );
    expect(isRetryableAwsError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
    expect(isRetryableAwsError(new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(true);
  });

  it('does not retry client errors', () => {
    expect(isRetryableAwsError(awsError('ValidationException', 400))).toBe(false);
    expect(isRetryableAwsError(awsError('ConditionalCheckFailedException', 400))).toBe(false);
    expect(isRetryableAwsError(awsError('AccessDeniedException', 400))).toBe(false);
    expect(isRetryableAwsError(awsError('ResourceNotFoundException', 400))).toBe(false);
    expect(isRetryableAwsError(new Error('bug'))).toBe(false);
    expect(isRetryableAwsError(undefined)).toBe(false);
    expect(isRetryableAwsError('ThrottlingException')).toBe(false);
  });
});
