import type { AlertState } from '../core/alerting/alert-state';
import type { LookoutEvent } from '../core/alerting/lookout-event';
import { transitionTo } from '../core/alerting/transition';
import { NotificationPartlyDeliveredError } from '../core/ports/notification-partly-delivered-error';
import type { AlertBook } from './alert-book';
import { deliveryLeaseMs, type EvaluationDeps } from './evaluation-deps';

/**
 * Sends an alert's waiting events, oldest first, exactly once each: the deliverer first claims the outbox
 * with a lease (a conditional write, so of concurrent evaluators only one sends), an event leaves the outbox
 * only after the notifier accepted it, and a failed send stays for the next run. When a notifier with several
 * destinations was refused by some, the ones that accepted are kept with the event (`partlyDelivered`, in the
 * same write that ends the delivery: no extra write) and the next run sends only to the others. Returns how
 * many were sent.
 */
export async function deliverOutbox(
  deps: EvaluationDeps,
  book: AlertBook,
  state: AlertState,
): Promise<number> {
  if (state.outbox.length === 0 || isLeased(deps, state)) return 0;
  deliveries += 1;
  const owner = `${deps.owner}#${deliveries}`;
  const claimed = await book.update(state.key, state.kind, (current) =>
    transitionTo(
      current.outbox.length === 0 || isLeased(deps, current)
        ? current
        : { ...current, lease: { owner, untilMs: deps.now() + deliveryLeaseMs } },
    ),
  );
  if (claimed.lease?.owner !== owner) return 0;
  const delivered: LookoutEvent[] = [];
  let partly: NotificationPartlyDeliveredError | undefined;
  for (const event of claimed.outbox) {
    try {
      await deps.notifier.publish(event, claimed.partlyDelivered?.[event.id]);
    } catch (error) {
      if (error instanceof NotificationPartlyDeliveredError) partly = error;
      deps.log?.({
        level: 'error',
        message: 'notification not accepted; it stays queued',
        eventId: event.id,
        ...(partly === undefined ? {} : { acceptedBy: partly.accepted }),
        error: String(error),
      });
      break;
    }
    delivered.push(event);
    await recordDelivered(deps, event);
  }
  await book.update(state.key, state.kind, (current) =>
    transitionTo(afterDelivery(deps, current, delivered, owner, partly)),
  );
  return delivered.length;
}

/** Deliveries started by this process: with `deps.owner`, names each delivery's lease uniquely. */
let deliveries = 0;

function isLeased(deps: EvaluationDeps, state: AlertState): boolean {
  return state.lease !== undefined && state.lease.untilMs > deps.now();
}

async function recordDelivered(deps: EvaluationDeps, event: LookoutEvent): Promise<void> {
  try {
    await deps.store.recordEvent(event, deps.monitor.retentionMs);
  } catch (error) {
    deps.log?.({
      level: 'warn',
      message: 'sent, but not recorded in the history',
      eventId: event.id,
      error: String(error),
    });
  }
}

function afterDelivery(
  deps: EvaluationDeps,
  state: AlertState,
  delivered: readonly LookoutEvent[],
  owner: string,
  partly: NotificationPartlyDeliveredError | undefined,
): AlertState {
  const sentIds = new Set(delivered.map((event) => event.id));
  let next: AlertState = {
    ...state,
    outbox: state.outbox.filter((event) => !sentIds.has(event.id)),
    partlyDelivered: undefined,
  };
  const partlyDelivered = stillPartlyDelivered(next, state.partlyDelivered, partly);
  if (partlyDelivered !== undefined) next = { ...next, partlyDelivered };
  if (next.lease?.owner === owner) next = { ...next, lease: undefined };
  for (const event of delivered) {
    next = {
      ...next,
      notifiedStatus: event.type === 'resolved' ? 'ok' : 'firing',
      notifiedSeverity: event.type === 'resolved' ? undefined : event.severity,
      lastNotifiedAt: new Date(deps.now()).toISOString(),
    };
  }
  return next;
}

/**
 * Who accepted each event still in the outbox: what was known, plus what this delivery learned (a destination
 * never un-accepts); entries of events that left the outbox are dropped. `undefined` when there are none.
 */
function stillPartlyDelivered(
  state: AlertState,
  known: AlertState['partlyDelivered'],
  partly: NotificationPartlyDeliveredError | undefined,
): Record<string, string[]> | undefined {
  const waiting = new Set(state.outbox.map((event) => event.id));
  const entries = new Map(Object.entries(known ?? {}).filter(([eventId]) => waiting.has(eventId)));
  if (partly !== undefined && waiting.has(partly.eventId)) {
    entries.set(partly.eventId, [...new Set([...(entries.get(partly.eventId) ?? []), ...partly.accepted])]);
  }
  return entries.size === 0 ? undefined : Object.fromEntries(entries);
}
