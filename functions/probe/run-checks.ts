import type { ProbeResult } from '../core/probe-result';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { probeCheck } from './probe-check';
import type { RunChecksOptions } from './probe-context';

const defaultConcurrency = 50;

/**
 * Probes every check once with at most `concurrency` probes in flight; a slow or hanging target
 * holds one slot, never the others. Results come back in the order of `checks`.
 */
export async function runChecks(
  checks: readonly ResolvedCheck[],
  options: RunChecksOptions,
): Promise<ProbeResult[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency));
  const results = new Array<ProbeResult>(checks.length);
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      results[index] = await probeCheck(checks[index] as ResolvedCheck, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, checks.length) }, worker));
  return results;
}
