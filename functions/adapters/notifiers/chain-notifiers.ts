import type { Notifier } from '../../core/ports/notifier';

/** Sends to each notifier in turn; accepted once all accepted, so a later one only sees what earlier ones took. */
export function chainNotifiers(notifiers: readonly Notifier[]): Notifier {
  return {
    async publish(event) {
      for (const notifier of notifiers) await notifier.publish(event);
    },
  };
}
