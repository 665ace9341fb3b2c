/**
 * The stable code of each error a caller may branch on. A code never changes meaning; messages may be reworded.
 */
export type LookoutErrorCode =
  /** `putResults` ran out of retries: some results were not written. */
  | 'LOOKOUT_RESULTS_NOT_WRITTEN'
  /** `putMetrics` ran out of retries: some datums were not published. */
  | 'LOOKOUT_METRICS_NOT_PUBLISHED'
  /** A `secret()` reference could not be read. */
  | 'LOOKOUT_SECRET_NOT_RESOLVED'
  /** A monitor cannot be deployed (infra, at synth). */
  | 'LOOKOUT_INVALID_MONITOR'
  /** A notifier with several destinations delivered an event to some of them only. */
  | 'LOOKOUT_NOTIFICATION_PARTLY_DELIVERED';

/**
 * The base of every error a caller may branch on, as undici's errors are: each subclass has its own `name` and a
 * stable `code`; callers branch on `code`, never on the message. A target's failure is never one of these: it
 * is data in a ProbeResult.
 */
export abstract class LookoutError extends Error {
  /** What went wrong, for callers to branch on. */
  abstract readonly code: LookoutErrorCode;
}

/** Whether `error` is a Lookout error, and of `code` when one is given. */
export function isLookoutError<Code extends LookoutErrorCode>(
  error: unknown,
  code?: Code,
): error is LookoutError & { readonly code: Code } {
  return error instanceof LookoutError && (code === undefined || error.code === code);
}

/**
 * An error as a message quotes it: `<name>: <message>` (the name alone when the message is empty), so that the
 * kind of failure shows (`TimeoutError: ...`, `ValidationException: ...`); anything thrown that is not an
 * Error, as a string.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : `${error.name}: ${error.message}`;
  return String(error);
}
