import { formatProblems, type ResolvedMonitor, validateMonitor } from '../core';
import { bundledMonitorVariable } from '../core/contract/handler-environment';
import { deployedMonitor } from '../core/resolve/monitor-variants';

/**
 * The monitor compiled into this bundle: `infra` has esbuild replace `process.env.LOOKOUT_MONITOR_JSON` with
 * the validated declaration as JSON text. It is validated again here, at cold start, so a function never runs
 * on a monitor the core would reject (a bundle built by hand, or by an older Lookout). Checks placed only in
 * `'local'` are left out: they run on developers' machines only. The default argument spells the variable out
 * (`bundledMonitorVariable`): esbuild's `define` replaces only that literal expression.
 */
export function loadBundledMonitor(
  json: string | undefined = process.env.LOOKOUT_MONITOR_JSON,
): ResolvedMonitor {
  if (json === undefined || json === '') {
    throw new Error(`no monitor in this bundle: ${bundledMonitorVariable} was not defined when it was built`);
  }
  const validation = validateMonitor(JSON.parse(json));
  if (!validation.ok)
    throw new Error(`the bundled monitor is invalid:\n${formatProblems(validation.problems)}`);
  return deployedMonitor(validation.monitor);
}
