import type { Notifier } from '../../core/ports/notifier';

/**
 * Sends each event to every notifier at once, each on its own: one that fails or hangs neither stops nor
 * delays the others. Accepted once every notifier accepted the event; otherwise it rejects (naming what
 * failed) and the caller keeps the event, and when the event comes again it goes only to the notifiers that
 * have not accepted it yet, so none gets it twice. Memory: the ids of events some but not all notifiers
 * accepted.
 */
export function fanOutNotifiers(notifiers: readonly Notifier[]): Notifier {
  const acceptedBy = new Map<string, Set<Notifier>>();
  return {
    async publish(event) {
      const accepted = acceptedBy.get(event.id) ?? new Set<Notifier>();
      const pending = notifiers.filter((notifier) => !accepted.has(notifier));
      const outcomes = await Promise.allSettled(pending.map((notifier) => notifier.publish(event)));
      const failures: unknown[] = [];
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled') accepted.add(pending[index] as Notifier);
        else failures.push(outcome.reason);
      });
      if (failures.length === 0) {
        acceptedBy.delete(event.id);
        return;
      }
      acceptedBy.set(event.id, accepted);
      const reasons = failures.map((failure) =>
        failure instanceof Error ? failure.message : String(failure),
      );
      throw new AggregateError(failures, reasons.join('; '));
    },
  };
}
