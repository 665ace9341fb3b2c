import { localRegion } from './regions';
import type { ResolvedMonitor } from './resolved-monitor';

/**
 * The monitor as one machine runs it (`lookout run`): every check probed from `'local'` only, so one failing
 * region is a failed round. Alert thresholds in rounds, SLOs, maintenance windows and intervals are kept.
 */
export function localizeMonitor(monitor: ResolvedMonitor): ResolvedMonitor {
  return {
    ...monitor,
    homeRegion: localRegion,
    regions: [localRegion],
    checks: monitor.checks.map((check) => ({
      ...check,
      regions: [localRegion],
      alert: { ...check.alert, regionsToFail: 1 },
    })),
  };
}
