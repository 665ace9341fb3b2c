import type { RetryOptions } from '../../functions/adapters/retry-with-backoff';

/** Retry options that do not wait, recording each delay asked for. */
export function fastRetry(attempts: number): RetryOptions & { delaysMs: number[] } {
  const delaysMs: number[] = [];
  return {
    attempts,
    baseDelayMs: 100,
    maxDelayMs: 2000,
    random: () => 0.5,
    sleep: async (ms) => {
      delaysMs.push(ms);
    },
    delaysMs,
  };
}

/** Fake credentials for clients pointed at loopback endpoints. */
export const fakeCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };
