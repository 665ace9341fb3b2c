import type { LookoutEvent } from '../../core/alerting/lookout-event';
import type { Notifier } from '../../core/ports/notifier';

/** Prints each event as one line through `write` (the local monitor's alert log). */
export function createTerminalNotifier(write: (event: LookoutEvent) => void): Notifier {
  return {
    async publish(event) {
      write(event);
    },
  };
}
