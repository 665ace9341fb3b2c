import { mapBounded } from '../core/map-bounded';
import type { ResultStore } from '../core/ports/result-store';
import type { StoredResult } from '../core/ports/stored-result';
import type { ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import { type DueRound, dueRounds } from '../core/schedule/due-rounds';
import { probeCheck } from '../probe/probe-check';
import type { RunChecksOptions } from '../probe/probe-context';
import { ResultWriter, type UnwrittenResults } from './result-writer';

/** Time kept back after a round's slowest possible probe, to write its results. */
export const writeMarginMs = 5_000;

/** The probe pool's size when none is given. */
const defaultConcurrency = 50;

/** What `runRounds` needs. */
export interface RunRoundsOptions extends RunChecksOptions {
  store: Pick<ResultStore, 'putResults'>;
  /** How long raw results are kept. */
  retentionMs: number;
  /**
   * Milliseconds left before the invocation must end.
   * @default no limit
   */
  remainingMs?: () => number;
  /**
   * Waits until a round's time; injectable so tests need not.
   * @default setTimeout
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Called with each result as soon as its probe ends, before it is written (the probe function logs it).
   * @default nothing
   */
  onResult?: (stored: StoredResult) => void;
  /**
   * Called with each batch of results once written (the local monitor evaluates them at once).
   * @default nothing
   */
  onWritten?: (results: StoredResult[]) => Promise<void> | void;
  /**
   * How many result batches (of 25) are written at once.
   * @default 4
   */
  writesInFlight?: number;
  /**
   * Once aborted, no probe starts: rounds still waiting for their time end without probing, and probes of a
   * round not yet started (beyond `concurrency`) are not started; probes already running finish and are
   * written.
   * @default never aborted
   */
  signal?: AbortSignal;
}

/** What `runMinute` needs. */
export interface RunMinuteOptions extends RunRoundsOptions {
  /** The checks this invocation is responsible for (its region's, of its shard). */
  checks: readonly ResolvedProbedCheck[];
  /** The start of the scheduled minute, epoch milliseconds. */
  minuteStartMs: number;
  /**
   * Skip rounds of the minute that start before this (epoch milliseconds): they already ran.
   * @default every round of the minute
   */
  fromMs?: number;
}

/** What running some rounds did. */
export interface RunMinuteOutcome {
  rounds: number;
  probed: number;
  /** Probes not started because the invocation would have run out of time, or `signal` was aborted. */
  skipped: number;
  /** Results that could not be written after every retry, with the reason. */
  unwritten: UnwrittenResults[];
}

/**
 * Runs every round due in one scheduled minute in this process, each started at its offset in the minute
 * (sub-minute intervals give several), sleeping in between: the local monitor's way, and the probe function's
 * when it could not queue a round. The probe function otherwise runs one round per invocation (`runRounds`).
 */
export function runMinute(options: RunMinuteOptions): Promise<RunMinuteOutcome> {
  const rounds = dueRounds([...options.checks], options.minuteStartMs).filter(
    (round) => round.roundAtMs >= (options.fromMs ?? Number.NEGATIVE_INFINITY),
  );
  return runRounds(rounds, options);
}

/**
 * Runs rounds, each started at its time (waiting if it is early), all at once once due. A probe that could not
 * finish (with its retries, plus writing its result) before the invocation ends is not started. Results are
 * written as probes finish, 25 to a write (a `ResultWriter`), and each round's last ones as it ends, so memory
 * stays flat whatever the number of checks.
 */
export async function runRounds(
  rounds: readonly DueRound<ResolvedProbedCheck>[],
  options: RunRoundsOptions,
): Promise<RunMinuteOutcome> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const remainingMs = options.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const concurrency = options.concurrency ?? defaultConcurrency;
  const outcome: RunMinuteOutcome = { rounds: 0, probed: 0, skipped: 0, unwritten: [] };
  const writer = new ResultWriter({
    store: options.store,
    retentionMs: options.retentionMs,
    ...(options.writesInFlight === undefined ? {} : { writesInFlight: options.writesInFlight }),
    ...(options.onWritten === undefined ? {} : { onWritten: options.onWritten }),
  });
  const runRound = async (round: DueRound<ResolvedProbedCheck>) => {
    const waitMs = round.roundAtMs - options.now();
    if (waitMs > 0) await sleep(waitMs);
    if (options.signal?.aborted) {
      outcome.skipped += round.checks.length;
      return;
    }
    const leftMs = remainingMs();
    const fits = round.checks.filter(
      (check) => check.timeoutMs * (check.retries + 1) + writeMarginMs <= leftMs,
    );
    outcome.skipped += round.checks.length - fits.length;
    if (fits.length === 0) return;
    outcome.rounds += 1;
    outcome.probed += fits.length;
    await mapBounded(fits, concurrency, async (check) => {
      if (options.signal?.aborted) {
        outcome.skipped += 1;
        outcome.probed -= 1;
        return;
      }
      const stored: StoredResult = { result: await probeCheck(check, options), roundAtMs: round.roundAtMs };
      options.onResult?.(stored);
      await writer.add(stored);
    });
    await writer.flush();
  };
  try {
    await Promise.all(rounds.map(runRound));
  } finally {
    outcome.unwritten = await writer.close();
  }
  return outcome;
}
