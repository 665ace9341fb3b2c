import type { AlertState } from './alert-state';
import { eventFor } from './apply-status-change';
import { detailsOf } from './event-details';
import type { LookoutEvent } from './lookout-event';
import { isMoreSevere } from './severity-rank';
import { type Transition, transitionTo } from './transition';
import { flapWindowMs, type TransitionContext } from './transition-context';

/**
 * What an alert owes its subscribers once time has passed, run by the sweep:
 * - a flapping alert settles after an hour without a change;
 * - when nothing waits in the outbox and nothing silences it, subscribers who were told something else than
 *   the current status (it changed in a maintenance window or while flapping) are told the current one;
 * - a firing alert with `remindEveryMs` is reminded that long after the last notification.
 * Returns the same state object when nothing is owed; it never silences an event (it waits instead).
 */
export function followUp(state: AlertState, context: TransitionContext, remindEveryMs?: number): Transition {
  const settled = settleFlapping(state, context.nowMs);
  const event = owedEvent(settled, context, remindEveryMs);
  if (event === undefined) return transitionTo(settled);
  return transitionTo({ ...settled, eventCount: settled.eventCount + 1, lastEvent: event, outbox: [event] });
}

function owedEvent(
  state: AlertState,
  context: TransitionContext,
  remindEveryMs: number | undefined,
): LookoutEvent | undefined {
  if (state.flapping || context.silencedBy !== undefined || state.outbox.length > 0) return undefined;
  const lastEvent = state.lastEvent;
  if (lastEvent === undefined) return undefined;
  const owed = owedType(state, context.nowMs, remindEveryMs);
  if (owed === undefined) return undefined;
  return eventFor(state, {
    type: owed,
    severity: state.status === 'firing' ? (state.severity ?? lastEvent.severity) : 'info',
    since: lastEvent.since,
    details: detailsOf(lastEvent),
    context,
  });
}

function settleFlapping(state: AlertState, nowMs: number): AlertState {
  if (!state.flapping) return state;
  const recentChangesMs = state.recentChangesMs.filter((atMs) => atMs > nowMs - flapWindowMs);
  return recentChangesMs.length === 0 ? { ...state, flapping: false, recentChangesMs } : state;
}

function owedType(
  state: AlertState,
  nowMs: number,
  remindEveryMs: number | undefined,
): 'opened' | 'resolved' | 'escalated' | 'reminder' | undefined {
  if (state.status !== state.notifiedStatus) return state.status === 'firing' ? 'opened' : 'resolved';
  if (state.status !== 'firing') return undefined;
  if (state.severity !== undefined && isMoreSevere(state.severity, state.notifiedSeverity))
    return 'escalated';
  if (remindEveryMs === undefined || state.lastNotifiedAt === undefined) return undefined;
  return nowMs - Date.parse(state.lastNotifiedAt) >= remindEveryMs ? 'reminder' : undefined;
}
