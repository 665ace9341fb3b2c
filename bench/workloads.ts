import type { TargetProtocol } from './bench-engine';
import type { Targets } from './target-process';
import { delayPath } from './target-protocol';

/** The protocols every workload runs over. */
export const protocols: readonly TargetProtocol[] = ['http', 'https'];

/** The URL of the target that waits `delayMs` before answering. */
export function targetUrl(targets: Targets, protocol: TargetProtocol, delayMs: number): string {
  const origin = protocol === 'http' ? targets.httpOrigin : targets.httpsOrigin;
  return `${origin}${delayPath(delayMs)}`;
}

/** How big the bench is: `full` for RESULTS.md, `quick` to try the harness in seconds. */
export type BenchSize = 'full' | 'quick';
