import { describeError, LookoutError } from '../lookout-error';

/**
 * A notifier with several destinations delivered an event to some of them only (`accepted`); the event stays
 * queued, and the next attempt passes `accepted` back so that only the others get it.
 */
export class NotificationPartlyDeliveredError extends LookoutError {
  override readonly name = 'NotificationPartlyDeliveredError';
  readonly code = 'LOOKOUT_NOTIFICATION_PARTLY_DELIVERED';

  constructor(
    /** The event. */
    readonly eventId: string,
    /** Every destination that has accepted it, this attempt or an earlier one. */
    readonly accepted: readonly string[],
    /** Why the others did not. */
    cause: unknown,
  ) {
    super(`${eventId} was accepted by ${accepted.join(', ')} only: ${describeError(cause)}`, { cause });
  }
}
