import type { ResponsePlanner } from './http-test-server';

/** Options of `redirectChain`. */
export interface RedirectChainOptions {
  /** How many redirects before the final answer: `/hop/0` → … → `/hop/<hops-1>` → `/final`. */
  hops: number;
  /**
   * Delay before every answer, redirects and final alike.
   * @default 0
   */
  delayMs?: number;
  /**
   * The final answer's body.
   * @default 'final'
   */
  finalBody?: string;
}

/**
 * A planner for a chain of relative redirects starting at `/hop/0`; anything not under `/hop/` gets the
 * final 200 answer.
 */
export function redirectChain(options: RedirectChainOptions): ResponsePlanner {
  const delayMs = options.delayMs ?? 0;
  return (request) => {
    const hop = /^\/hop\/(\d+)$/.exec(request.path);
    if (!hop) return { kind: 'respond', status: 200, body: options.finalBody ?? 'final', delayMs };
    const next = Number(hop[1]) + 1;
    return { kind: 'redirect', location: next < options.hops ? `/hop/${next}` : '/final', delayMs };
  };
}

/** A planner that redirects every request to the path it asked for: an endless loop. */
export function redirectToSelf(): ResponsePlanner {
  return (request) => ({ kind: 'redirect', location: request.path });
}
