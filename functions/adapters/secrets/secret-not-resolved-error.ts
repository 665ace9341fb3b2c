import { LookoutError } from '../../core/lookout-error';

/** A secret could not be read, from AWS or from this machine; the message names the reference, never a value. */
export class SecretNotResolvedError extends LookoutError {
  override readonly name = 'SecretNotResolvedError';
  readonly code = 'LOOKOUT_SECRET_NOT_RESOLVED';

  constructor(
    /** The reference, as declared. */
    readonly ref: string,
    reason: string,
    cause?: unknown,
  ) {
    super(`secret '${ref}' could not be read: ${reason}`, cause === undefined ? undefined : { cause });
  }
}
