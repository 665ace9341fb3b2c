/** How `retryWithBackoff` retries. */
export interface RetryOptions {
  /**
   * The most calls of the operation, the first included.
   * @default 8
   */
  attempts?: number;
  /**
   * The ceiling of the first delay; each retry doubles it (full jitter: the delay is random in [0, ceiling]).
   * @default 50
   */
  baseDelayMs?: number;
  /**
   * The largest delay ceiling.
   * @default 5000
   */
  maxDelayMs?: number;
  /**
   * Whether an error is worth another attempt.
   * @default isRetryableAwsError
   */
  isRetryable?: (error: unknown) => boolean;
  /**
   * Waits between attempts (tests pass a fast one).
   * @default a setTimeout-based sleep
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A number in [0, 1) for the jitter.
   * @default Math.random
   */
  random?: () => number;
}

/** The default number of attempts. */
export const defaultRetryAttempts = 8;

/** Waits `ms` milliseconds. */
export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The delay before retry number `retry` (1 for the first retry): exponential backoff with full jitter,
 * random in [0, min(maxDelayMs, baseDelayMs × 2^(retry-1))].
 */
export function backoffDelayMs(
  retry: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  const ceilingMs = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceilingMs);
}

/**
 * Calls `operation` until it resolves, retrying errors that `isRetryable` accepts with exponential backoff and
 * full jitter, at most `attempts` calls in all. Rejects with the last error when attempts run out, or at once
 * with an error that is not retryable. `operation` receives the attempt number (1 for the first call).
 */
export async function retryWithBackoff<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? defaultRetryAttempts);
  const baseDelayMs = options.baseDelayMs ?? 50;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  const isRetryable = options.isRetryable ?? isRetryableAwsError;
  const sleep = options.sleep ?? sleepMs;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(backoffDelayMs(attempt, baseDelayMs, maxDelayMs, random));
    }
  }
}

const throttlingErrorNames: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'ThrottlingError',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'SlowDown',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'InternalServerError',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const networkErrorCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const networkErrorNames: ReadonlySet<string> = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);

/**
 * Whether an AWS SDK (v3) error is worth retrying: throttling and server-side error names, HTTP 5xx or 429 in
 * `$metadata.httpStatusCode`, the SDK's own `$retryable` mark, and network errors (connection reset or refused,
 * timeouts). Client errors such as validation or a failed condition are not.
 */
export function isRetryableAwsError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as {
    name?: unknown;
    code?: unknown;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    cause?: unknown;
  };
  if (candidate.name === 'ConditionalCheckFailedException') return false;
  if (typeof candidate.name === 'string' && throttlingErrorNames.has(candidate.name)) return true;
  if (typeof candidate.code === 'string' && throttlingErrorNames.has(candidate.code)) return true;
  if (candidate.$retryable !== undefined && candidate.$retryable !== null) return true;
  const status = candidate.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  if (typeof candidate.code === 'string' && networkErrorCodes.has(candidate.code)) return true;
  if (typeof candidate.name === 'string' && networkErrorNames.has(candidate.name)) return true;
  if (candidate.cause !== undefined && candidate.cause !== error) return isRetryableAwsError(candidate.cause);
  return false;
}
