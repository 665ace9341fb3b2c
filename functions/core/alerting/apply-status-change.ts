import type { AlertStatus, Severity } from './alert-kind';
import type { AlertState } from './alert-state';
import type { EventDetails } from './event-details';
import { type LookoutEvent, type LookoutEventType, lookoutEventSchema } from './lookout-event';
import { isMoreSevere } from './severity-rank';
import { type Transition, transitionTo } from './transition';
import { flapChangeCount, flapWindowMs, type TransitionContext } from './transition-context';

/** Where an alert should be now, as its kind's rules see it. */
export interface DesiredStatus {
  status: AlertStatus;
  /** The severity while firing. */
  severity: Severity;
  details: EventDetails;
  /**
   * When the condition began (epoch milliseconds), if before now: the first failed round of an outage.
   * @default now
   */
  sinceMs?: number;
}

/**
 * Moves an alert towards `desired`: ok → firing opens it, firing → ok resolves it, firing at a higher
 * severity escalates it. Each of these produces one event, put in the outbox unless a maintenance window
 * silences it (then it is among the transition's silenced events, to be recorded) or the alert is flapping.
 * The change that makes an alert flapping is still notified, saying so; later ones are held until it settles
 * (see `followUp`).
 */
export function applyStatusChange(
  state: AlertState,
  desired: DesiredStatus,
  context: TransitionContext,
): Transition {
  const type = transitionType(state, desired);
  if (type === undefined) {
    const quieter =
      state.status === 'firing' && desired.status === 'firing' && state.severity !== desired.severity;
    return transitionTo(quieter ? { ...state, severity: desired.severity } : state);
  }
  const nowIso = new Date(context.nowMs).toISOString();
  const recentChangesMs =
    type === 'escalated'
      ? state.recentChangesMs
      : [...state.recentChangesMs.filter((atMs) => atMs > context.nowMs - flapWindowMs), context.nowMs];
  const becomesFlapping = !state.flapping && recentChangesMs.length >= flapChangeCount;
  const event = buildEvent(state, desired, type, context, becomesFlapping);
  const next: AlertState = {
    ...state,
    status: desired.status,
    ...(desired.status === 'firing' ? { severity: desired.severity } : { severity: undefined }),
    since: type === 'escalated' ? state.since : type === 'opened' ? openedSince(desired, context) : nowIso,
    recentChangesMs,
    flapping: state.flapping || becomesFlapping,
    eventCount: state.eventCount + 1,
    lastEvent: event,
  };
  if (event.silenced) return { state: next, silencedEvents: [event] };
  if (state.flapping) return transitionTo(next);
  return transitionTo({ ...next, outbox: [...state.outbox, event] });
}

function openedSince(desired: DesiredStatus, context: TransitionContext): string {
  return new Date(Math.min(desired.sinceMs ?? context.nowMs, context.nowMs)).toISOString();
}

function transitionType(state: AlertState, desired: DesiredStatus): LookoutEventType | undefined {
  if (state.status === 'ok') return desired.status === 'firing' ? 'opened' : undefined;
  if (desired.status === 'ok') return 'resolved';
  return isMoreSevere(desired.severity, state.severity) ? 'escalated' : undefined;
}

function buildEvent(
  state: AlertState,
  desired: DesiredStatus,
  type: LookoutEventType,
  context: TransitionContext,
  becomesFlapping: boolean,
): LookoutEvent {
  const summary = becomesFlapping
    ? `${desired.details.summary} (flapping: ${flapChangeCount} changes within an hour; further changes are held until it settles)`
    : desired.details.summary;
  return eventFor(state, {
    type,
    severity: type === 'resolved' ? 'info' : desired.severity,
    since: type === 'opened' ? openedSince(desired, context) : state.since,
    details: { ...desired.details, summary },
    context,
  });
}

/** Fields of an event that are not its details. */
export interface EventParts {
  type: LookoutEventType;
  severity: Severity;
  since: string;
  details: EventDetails;
  context: TransitionContext;
}

/** Builds the state's next event: its id is unique per alert and the same if the transition is computed again. */
export function eventFor(state: AlertState, parts: EventParts): LookoutEvent {
  const { context } = parts;
  const dashboardUrl = parts.details.dashboardUrl ?? context.dashboardUrl;
  return {
    schema: lookoutEventSchema,
    id: `${state.checkId}:${state.key}:${state.eventCount + 1}`,
    type: parts.type,
    kind: state.kind,
    severity: parts.severity,
    checkId: state.checkId,
    ...parts.details,
    since: parts.since,
    at: new Date(context.nowMs).toISOString(),
    ...(dashboardUrl === undefined ? {} : { dashboardUrl }),
    ...(context.silencedBy === undefined ? {} : { silenced: true }),
  };
}
