import type { LookoutEvent } from '../alerting/lookout-event';

/** Where notifications go: SNS in AWS, the terminal (and a webhook) locally. */
export interface Notifier {
  /**
   * Delivers one event. Resolves only once the destination accepted it; rejects otherwise, and the caller
   * keeps the event to deliver again. A notifier with several destinations (the alert topic and the chat
   * topic) that only some accepted rejects with a `NotificationPartlyDeliveredError` naming those; the caller
   * keeps their names with the event and passes them as `accepted` to the next attempt, which then sends only
   * to the others, so no destination gets an event twice.
   *
   * @param accepted destinations that already accepted this event
   * @default [] (every destination)
   */
  publish(event: LookoutEvent, accepted?: readonly string[]): Promise<void>;
}
