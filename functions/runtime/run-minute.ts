import type { ResultStore } from '../core/ports/result-store';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { dueRounds } from '../core/schedule/due-rounds';
import type { RunChecksOptions } from '../probe/probe-context';
import { runChecks } from '../probe/run-checks';

/** Time kept back after a round's slowest possible probe, to write its results. */
export const writeMarginMs = 5_000;

/** What `runMinute` needs. */
export interface RunMinuteOptions extends RunChecksOptions {
  /** The checks this invocation is responsible for (its region's, of its shard). */
  checks: readonly ResolvedCheck[];
  /** The start of the scheduled minute, epoch milliseconds. */
  minuteStartMs: number;
  store: ResultStore;
  /** How long raw results are kept. */
  retentionMs: number;
  /**
   * Skip rounds of the minute that start before this (epoch milliseconds): they already ran.
   * @default every round of the minute
   */
  fromMs?: number;
  /**
   * Milliseconds left before the invocation must end.
   * @default no limit
   */
  remainingMs?: () => number;
  /**
   * Waits; injectable so tests need not.
   * @default setTimeout
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Called with each round's results once they are written (the local monitor evaluates them at once).
   * @default nothing
   */
  onWritten?: (results: StoredResult[]) => Promise<void> | void;
}

/** What one scheduled minute did. */
export interface RunMinuteOutcome {
  rounds: number;
  probed: number;
  /** Probes not started because the invocation would have run out of time. */
  skipped: number;
  /** Results that could not be written after every retry, with the reason. */
  unwritten: { results: StoredResult[]; error: unknown }[];
}

/**
 * Runs every round due in one scheduled minute: sub-minute intervals give several rounds, each started at
 * its offset in the minute. A probe that could not finish (with its retries, plus writing its result) before
 * the invocation ends is not started. Each round's results are written as soon as it ends.
 */
export async function runMinute(options: RunMinuteOptions): Promise<RunMinuteOutcome> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const remainingMs = options.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const outcome: RunMinuteOutcome = { rounds: 0, probed: 0, skipped: 0, unwritten: [] };
  const rounds = dueRounds([...options.checks], options.minuteStartMs).filter(
    (round) => round.roundAtMs >= (options.fromMs ?? Number.NEGATIVE_INFINITY),
  );
  await Promise.all(
    rounds.map(async (round) => {
      const waitMs = round.roundAtMs - options.now();
      if (waitMs > 0) await sleep(waitMs);
      const leftMs = remainingMs();
      const fits = round.checks.filter(
        (check) => check.timeoutMs * (check.retries + 1) + writeMarginMs <= leftMs,
      );
      outcome.skipped += round.checks.length - fits.length;
      if (fits.length === 0) return;
      outcome.rounds += 1;
      outcome.probed += fits.length;
      const results = await runChecks(fits, options);
      const stored = results.map((result) => ({ result, roundAtMs: round.roundAtMs }));
      try {
        await options.store.putResults(stored, options.retentionMs);
      } catch (error) {
        outcome.unwritten.push({ results: stored, error });
        return;
      }
      await options.onWritten?.(stored);
    }),
  );
  return outcome;
}
