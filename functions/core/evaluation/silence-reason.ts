import type { ResolvedMonitor } from '../resolved-monitor';
import { isInMaintenance } from '../schedule/maintenance';

/** Why a check's notifications are silenced at `atMs` (its maintenance window's reason), or undefined. */
export function silenceReason(monitor: ResolvedMonitor, checkId: string, atMs: number): string | undefined {
  const window = isInMaintenance(monitor.maintenance, checkId, atMs);
  return window === undefined ? undefined : (window.reason ?? 'maintenance window');
}
