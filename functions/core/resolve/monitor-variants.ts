import { localRegion } from '../declare/regions';
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
    // A heartbeat keeps its one region, `'ping'`: its results are the pings the local endpoint receives.
    checks: monitor.checks.map((check) =>
      check.kind === 'heartbeat'
        ? check
        : { ...check, regions: [localRegion], alert: { ...check.alert, regionsToFail: 1 } },
    ),
  };
}

/**
 * The monitor as AWS runs it: checks placed only in `'local'` are left out, and `'local'` is dropped from the
 * regions of the others (the local pseudo-region never reports there), with `regionsToFail` at most the regions
 * left.
 */
export function deployedMonitor(monitor: ResolvedMonitor): ResolvedMonitor {
  return {
    ...monitor,
    checks: monitor.checks.flatMap((check) => {
      const regions = check.regions.filter((region) => region !== localRegion);
      if (regions.length === 0) return [];
      const regionsToFail = Math.min(check.alert.regionsToFail, regions.length);
      return [{ ...check, regions, alert: { ...check.alert, regionsToFail } }];
    }),
  };
}
