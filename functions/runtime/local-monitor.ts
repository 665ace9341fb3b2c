import { setTimeout as delay } from 'node:timers/promises';
import type { SecretRef } from '../core/declare/declarations';
import type { StoredResult } from '../core/ports/stored-result';
import type { ProbeResult } from '../core/probe-result';
import { roundAtFor } from '../core/schedule/round-at';
import { runChecks } from '../probe/run-checks';
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
 * as the stream does in AWS. `stop` ends the loop and waits for probes in flight.
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
    await this.track(this.sweepOnce());
    void this.track(this.runScheduledMinute(Math.floor(startedMs / 60_000) * 60_000, startedMs + 1));
    this.loop = this.everyMinute();
  }

  /** Stops scheduling, then waits for rounds in flight to be written and evaluated. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async everyMinute(): Promise<void> {
    const { now } = this.options;
    while (!this.stopping.signal.aborted) {
      const nextMinuteMs = (Math.floor(now() / 60_000) + 1) * 60_000;
      try {
        await delay(Math.max(0, nextMinuteMs - now()), undefined, { signal: this.stopping.signal });
      } catch {
        return;
      }
      void this.track(this.runScheduledMinute(nextMinuteMs));
      void this.track(this.sweepOnce());
    }
  }

  private async probeEveryCheckNow(startedMs: number): Promise<void> {
    const checks = this.options.monitor.checks;
    const results = await runChecks(checks, this.probeContext());
    // runChecks returns the results in the order of the checks.
    const stored = checks.map((check, index) => ({
      result: results[index] as ProbeResult,
      roundAtMs: roundAtFor(check, startedMs),
    }));
    await this.options.store.putResults(stored, this.options.monitor.retentionMs);
    await this.evaluate(stored);
  }

  private async runScheduledMinute(minuteStartMs: number, fromMs?: number): Promise<void> {
    const outcome = await runMinute({
      ...this.probeContext(),
      checks: this.options.monitor.checks,
      minuteStartMs,
      ...(fromMs === undefined ? {} : { fromMs }),
      store: this.options.store,
      retentionMs: this.options.monitor.retentionMs,
      sleep: (ms) => delay(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined),
      onWritten: (stored) => this.evaluate(stored),
    });
    for (const { error } of outcome.unwritten) {
      this.options.log?.({ level: 'error', message: 'results not written', error: String(error) });
    }
  }

  private async evaluate(stored: readonly StoredResult[]): Promise<void> {
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
