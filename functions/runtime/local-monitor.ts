import { setTimeout as delay } from 'node:timers/promises';
import { isProbedKind } from '../core/check-kinds';
import type { SecretRef } from '../core/declare/declarations';
import { mapBounded } from '../core/map-bounded';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import { roundAtFor } from '../core/schedule/round-at';
import { probeCheck } from '../probe/probe-check';
import { evaluateNewResults } from './evaluate-new-results';
import type { EvaluationDeps } from './evaluation-deps';
import { runMinute } from './run-minute';
import { sweep } from './sweep';

/** What the local monitor runs with. */
export interface LocalMonitorOptions extends EvaluationDeps {
  resolveSecret: (secret: SecretRef) => Promise<string>;
  /** Called with each batch of results once written and evaluated, and with none after each sweep. */
  onChange: (results: readonly StoredResult[]) => Promise<void> | void;
  /** @default 20 */
  concurrency?: number;
}

/**
 * `lookout run`'s engine: probes every check at once, then each minute runs the rounds due in it (the same
 * schedule the Lambda follows) and the sweep, writing into the store and evaluating results as they land,
 * as the stream does in AWS. `stop` ends the loop: no probe starts after it (a round waiting for its time
 * ends without probing), and it waits for the probes in flight to be written and evaluated.
 */
export class LocalMonitor {
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: LocalMonitorOptions) {}

  /**
   * Starts probing: every check at once (its current round), then the rest of this minute's rounds, then
   * minute by minute. Resolves once the first round of every check was written and evaluated.
   */
  async start(): Promise<void> {
    const startedMs = this.options.now();
    await this.track(this.probeEveryCheckNow(startedMs));
    if (this.stopping.signal.aborted) return;
    await this.track(this.sweepOnce());
    if (this.stopping.signal.aborted) return;
    void this.track(this.runScheduledMinute(Math.floor(startedMs / 60_000) * 60_000, startedMs + 1));
    this.loop = this.everyMinute(Math.floor(startedMs / 60_000) * 60_000 + 60_000);
  }

  /** Stops starting probes, then waits for the probes in flight to be written and evaluated. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    // A step may start another (a round's results are evaluated) while the first ones end.
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Runs each minute's rounds and sweep from `firstMinuteMs` on, none skipped: a first round that ended after
   * the minute turned still has that minute's rounds run (late). After a pause (a laptop asleep) rounds long
   * gone are not run: the current minute's rounds from now on are.
   */
  private async everyMinute(firstMinuteMs: number): Promise<void> {
    const { now } = this.options;
    let minuteMs = firstMinuteMs;
    while (!this.stopping.signal.aborted) {
      try {
        await delay(Math.max(0, minuteMs - now()), undefined, { signal: this.stopping.signal });
      } catch {
        return;
      }
      if (this.stopping.signal.aborted) return;
      const currentMinuteMs = Math.floor(now() / 60_000) * 60_000;
      if (currentMinuteMs > minuteMs) {
        minuteMs = currentMinuteMs;
        void this.track(this.runScheduledMinute(minuteMs, now()));
      } else {
        void this.track(this.runScheduledMinute(minuteMs));
      }
      void this.track(this.sweepOnce());
      minuteMs += 60_000;
    }
  }

  private async probeEveryCheckNow(startedMs: number): Promise<void> {
    const context = this.probeContext();
    const probed = await mapBounded(this.probedChecks(), context.concurrency, async (check) =>
      this.stopping.signal.aborted
        ? undefined
        : { result: await probeCheck(check, context), roundAtMs: roundAtFor(check, startedMs) },
    );
    const stored = probed.filter((entry): entry is StoredResult => entry !== undefined);
    if (stored.length === 0) return;
    await this.options.store.putResults(stored, this.options.monitor.retentionMs);
    await this.evaluate(stored);
  }

  /** The checks it probes: every one but the heartbeats, whose results are the pings they receive. */
  private probedChecks(): ResolvedProbedCheck[] {
    return this.options.monitor.checks.filter((check): check is ResolvedProbedCheck =>
      isProbedKind(check.kind),
    );
  }

  private async runScheduledMinute(minuteStartMs: number, fromMs?: number): Promise<void> {
    const outcome = await runMinute({
      ...this.probeContext(),
      checks: this.probedChecks(),
      minuteStartMs,
      ...(fromMs === undefined ? {} : { fromMs }),
      store: this.options.store,
      retentionMs: this.options.monitor.retentionMs,
      sleep: (ms) => delay(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined),
      signal: this.stopping.signal,
      onWritten: (stored) => this.evaluate(stored),
    });
    for (const { error } of outcome.unwritten) {
      this.options.log?.({ level: 'error', message: 'results not written', error: String(error) });
    }
  }

  /** Evaluates results just written (its own probes', or pings the local endpoint recorded), then shows them. */
  async evaluate(stored: readonly StoredResult[]): Promise<void> {
    await evaluateNewResults(this.options, stored);
    await this.options.onChange(stored);
  }

  private async sweepOnce(): Promise<void> {
    await sweep(this.options);
    await this.options.onChange([]);
  }

  private probeContext() {
    return {
      region: this.options.monitor.regions[0] ?? 'local',
      now: this.options.now,
      resolveSecret: this.options.resolveSecret,
      concurrency: this.options.concurrency ?? 20,
    };
  }

  private track<T>(promise: Promise<T>): Promise<T | undefined> {
    const tracked = promise.catch((error: unknown) => {
      this.options.log?.({ level: 'error', message: 'local monitor step failed', error: String(error) });
      return undefined;
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return tracked;
  }
}
