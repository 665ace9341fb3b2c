import type { AlertState } from '../core/alerting/alert-state';
import type { ProbeResult } from '../core/probe-result';

/** What the local monitor shows of a check. */
export type CheckStateLabel = 'PENDING' | 'UP' | 'FAILING' | 'DOWN' | 'DEGRADED';

/** One check's line in the live view and the status page. */
export interface CheckView {
  id: string;
  name: string;
  target: string;
  state: CheckStateLabel;
  lastResult?: ProbeResult;
  /** The alerts firing now, such as `['outage', 'certificate']`. */
  firing: string[];
}

/**
 * The state shown for a check: DOWN while its outage alert fires, DEGRADED while its degraded alert fires,
 * FAILING when the last probe failed but no outage is open (yet), UP when it passed, PENDING before any probe.
 */
export function checkStateLabel(
  lastResult: ProbeResult | undefined,
  alerts: readonly AlertState[],
): CheckStateLabel {
  const firing = (kind: string) => alerts.some((alert) => alert.kind === kind && alert.status === 'firing');
  if (firing('outage')) return 'DOWN';
  if (lastResult === undefined) return 'PENDING';
  if (!lastResult.ok) return 'FAILING';
  if (firing('degraded')) return 'DEGRADED';
  return 'UP';
}
