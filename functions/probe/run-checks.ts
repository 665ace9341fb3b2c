import { mapBounded } from '../core/map-bounded';
import type { ProbeResult } from '../core/probe-result';
import type { ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import { probeCheck } from './probe-check';
import type { RunChecksOptions } from './probe-context';

const defaultConcurrency = 50;

/**
 * Probes every check once with at most `concurrency` probes in flight; a slow or hanging target
 * holds one slot, never the others. Results come back in the order of `checks`.
 */
export function runChecks(
  checks: readonly ResolvedProbedCheck[],
  options: RunChecksOptions,
): Promise<ProbeResult[]> {
  return mapBounded(checks, options.concurrency ?? defaultConcurrency, (check) => probeCheck(check, options));
}
