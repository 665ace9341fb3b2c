/** How often the watch's timer ticks, in ms: the finest lateness it can see. */
const tickIntervalMs = 1;

/** One probe's watch over the event loop. */
interface Watch {
  /** The longest lateness seen so far, ms. */
  worstMs: number;
}

const watches = new Set<Watch>();
let timer: NodeJS.Timeout | undefined;
let lastTickAt = 0;

function tick(): void {
  const now = performance.now();
  const lateMs = Math.max(0, now - lastTickAt - tickIntervalMs);
  lastTickAt = now;
  for (const watch of watches) if (lateMs > watch.worstMs) watch.worstMs = lateMs;
}

/**
 * Starts watching how late the event loop runs while a probe is in flight; the returned function stops the watch
 * and gives the longest delay seen, in ms. One 1 ms timer (unref'd, so it never keeps the process alive) runs
 * while any probe is watched: when it fires late, the loop was busy with other work (other probes' handshakes,
 * parsing, a garbage collection) for that long, and any phase that ended in that time may include it. Under about
 * 1 ms is the timer's own granularity.
 *
 * Cost: a few µs of CPU per millisecond while probes run (under 0.5% of the probe function's CPU time), nothing
 * stored beyond the result's one number.
 */
export function watchEventLoop(): () => number {
  const watch: Watch = { worstMs: 0 };
  if (watches.size === 0) {
    lastTickAt = performance.now();
    timer = setInterval(tick, tickIntervalMs);
    timer.unref();
  }
  watches.add(watch);
  return () => {
    if (!watches.delete(watch)) return watch.worstMs;
    // A stall still going on (the timer has not fired since) counts too: this probe's end waited for it.
    const pendingMs = Math.max(0, performance.now() - lastTickAt - tickIntervalMs);
    if (watches.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
    return Math.max(watch.worstMs, pendingMs);
  };
}
