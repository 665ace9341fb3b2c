import type { TransitionContext } from '../core/alerting/transition-context';
import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';
import { isInMaintenance } from '../core/schedule/maintenance';
import type { EvaluationDeps } from './evaluation-deps';

/**
 * What transitions of a check's alerts see at `nowMs`: the clock, the dashboard link, and why notifications are
 * silenced (the covering maintenance window's reason), if they are.
 */
export function transitionContextFor(
  deps: EvaluationDeps,
  checkId: string,
  nowMs: number,
): TransitionContext {
  const silencedBy = silenceReason(deps.monitor, checkId, nowMs);
  return {
    nowMs,
    ...(silencedBy === undefined ? {} : { silencedBy }),
    ...(deps.dashboardUrl === undefined ? {} : { dashboardUrl: deps.dashboardUrl }),
  };
}

function silenceReason(monitor: ResolvedMonitor, checkId: string, atMs: number): string | undefined {
  const window = isInMaintenance(monitor.maintenance, checkId, atMs);
  return window === undefined ? undefined : (window.reason ?? 'maintenance window');
}
