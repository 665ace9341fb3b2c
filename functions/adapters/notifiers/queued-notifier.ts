import type { LookoutEvent } from '../../core/alerting/lookout-event';
import type { Notifier } from '../../core/ports/notifier';

/** How long a queue waits before trying again after a failure: then each next wait, the last one repeated. */
export const defaultRetryDelaysMs: readonly number[] = [10_000, 20_000, 40_000, 60_000];

/** The most events a queue keeps waiting; past it the oldest are dropped (and counted). */
export const defaultMaxWaiting = 1_000;

/** What a queue reports and how it retries. */
export interface QueuedNotifierOptions {
  /**
   * Told when a delivery fails: at the first failure of a run, and again when the reason changes (not at
   * every retry), with the events waiting and when the next try is.
   * @default nothing
   */
  onFailure?: (error: unknown, waiting: number, retryInMs: number) => void;
  /**
   * Told when the destination accepts again after failures, with how many waiting events it then took.
   * @default nothing
   */
  onRecovered?: (delivered: number) => void;
  /** @default [10_000, 20_000, 40_000, 60_000] (then every 60 s) */
  retryDelaysMs?: readonly number[];
  /** @default 1000 */
  maxWaiting?: number;
}

/** A notifier whose events wait in memory, in order, until its destination accepts them. */
export interface QueuedNotifier extends Notifier {
  /** Events not yet accepted. */
  waiting(): number;
  /**
   * Stops retrying, tries once more to deliver what waits, and resolves with how many events were never
   * accepted (dropped ones included).
   */
  close(): Promise<number>;
}

/**
 * Wraps a notifier so that publishing never waits for it: each event is accepted at once into an in-memory
 * queue, and delivered from it in order, one at a time; when the destination refuses one, the queue stops,
 * and tries again after `retryDelaysMs` (10 s, 20 s, 40 s, then every minute), oldest event first. For a
 * local webhook beside the terminal: the terminal's alert line never waits for the webhook, and the webhook
 * still gets every event in order. Events still waiting when the process ends are lost (they are in the
 * incident history, which records what the terminal accepted).
 */
export function queueNotifier(target: Notifier, options: QueuedNotifierOptions = {}): QueuedNotifier {
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  const maxWaiting = options.maxWaiting ?? defaultMaxWaiting;
  const queue: LookoutEvent[] = [];
  let dropped = 0;
  let failures = 0;
  let deliveredSinceFailure = 0;
  let lastReason: string | undefined;
  let draining: Promise<void> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      try {
        await target.publish(queue[0] as LookoutEvent);
      } catch (error) {
        failures += 1;
        const retryInMs = retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1] ?? 60_000;
        const reason =
          error instanceof Error ? error.message.replace(/ did not accept \S+:/, ':') : String(error);
        if (failures === 1 || reason !== lastReason) options.onFailure?.(error, queue.length, retryInMs);
        lastReason = reason;
        if (!closed) {
          retryTimer = setTimeout(() => {
            retryTimer = undefined;
            kick();
          }, retryInMs);
          retryTimer.unref?.();
        }
        return;
      }
      queue.shift();
      if (failures > 0) deliveredSinceFailure += 1;
    }
    if (failures > 0) {
      options.onRecovered?.(deliveredSinceFailure);
      failures = 0;
      deliveredSinceFailure = 0;
      lastReason = undefined;
    }
  };
  const kick = () => {
    if (draining !== undefined || retryTimer !== undefined || closed) return;
    draining = drain().finally(() => {
      draining = undefined;
    });
  };

  return {
    async publish(event) {
      if (closed) throw new Error(`the queue is closed; ${event.id} was not sent`);
      queue.push(event);
      if (queue.length > maxWaiting) {
        queue.shift();
        dropped += 1;
      }
      kick();
    },
    waiting: () => queue.length,
    async close() {
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      await draining;
      if (queue.length > 0) await drain();
      return queue.length + dropped;
    },
  };
}
