import type { AlertState } from '../alerting/alert-state';
import type { ResolvedMaintenanceWindow } from '../resolve/resolved-monitor';
import { maintenanceOccurrences } from './maintenance-occurrences';
import type { CheckState, StatusPageError } from './status-page-data';

/** A check's state on the page, since when, and the failure behind it. */
export interface CheckPageState {
  state: CheckState;
  /** When the state began; undefined when unknown. */
  sinceMs?: number;
  /** The newest failure of the open outage or degraded alert. */
  lastError?: StatusPageError;
}

/** What a check's page state is judged on. */
export interface CheckPageStateInput {
  checkId: string;
  /** The check's alert states. */
  alertStates: readonly AlertState[];
  /** The monitor's maintenance windows. */
  maintenance: readonly ResolvedMaintenanceWindow[];
  nowMs: number;
  /** Whether any probe of the check was counted or stored: without, it is `pending`. */
  hasData: boolean;
}

/**
 * The state a status page shows for a check, first that applies: `maintenance` while a window covers it (since the
 * window began: a check is expected to fail then), `down` while its outage alert is open, `degraded` while its
 * degraded alert is open (each since it opened, with its newest failure), `pending` before any probe counted,
 * else `up` (since its last outage resolved, when it had one).
 */
export function checkPageState(input: CheckPageStateInput): CheckPageState {
  const { checkId, alertStates, nowMs } = input;
  const covering = input.maintenance.filter(
    (window) => window.checks === undefined || window.checks.includes(checkId),
  );
  const inProgress = maintenanceOccurrences(covering, nowMs, 0).filter(
    (occurrence) => occurrence.startMs <= nowMs,
  );
  if (inProgress.length > 0) {
    return { state: 'maintenance', sinceMs: Math.min(...inProgress.map((occurrence) => occurrence.startMs)) };
  }
  const alert = (kind: 'outage' | 'degraded') => alertStates.find((state) => state.kind === kind);
  for (const [kind, state] of [
    ['outage', 'down'],
    ['degraded', 'degraded'],
  ] as const) {
    const open = alert(kind);
    if (open?.status !== 'firing') continue;
    const failure = open.lastEvent?.lastFailure;
    return {
      state,
      ...sinceOf(open),
      ...(failure === undefined ? {} : { lastError: { code: failure.code, message: failure.message } }),
    };
  }
  if (!input.hasData) return { state: 'pending' };
  const outage = alert('outage');
  return { state: 'up', ...(outage === undefined ? {} : sinceOf(outage)) };
}

function sinceOf(state: AlertState): { sinceMs?: number } {
  const sinceMs = Date.parse(state.since);
  return Number.isFinite(sinceMs) ? { sinceMs } : {};
}
