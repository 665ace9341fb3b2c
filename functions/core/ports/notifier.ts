import type { LookoutEvent } from '../alerting/lookout-event';

/** Where notifications go: SNS in AWS, the terminal (and a webhook) locally. */
export interface Notifier {
  /**
   * Delivers one event. Resolves only once the destination accepted it; rejects otherwise, and the caller
   * keeps the event to deliver again.
   */
  publish(event: LookoutEvent): Promise<void>;
}
