import { hourMs, minuteMs } from '../declare/duration';
import type { PartialRound, ProbeCounter } from '../ports/counter-store';
import type { StoredResult } from '../ports/stored-result';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import { roundAtFor } from '../schedule/round-at';
import { countedProbe } from './counted-probe';
import { addLatencies } from './latency-histogram';

/**
 * How long after its round a result may still arrive and be counted: longer than any probe invocation can live
 * (Lambda stops every invocation within 15 minutes), so no result that is written at all is left out.
 */
export const lateResultHorizonMs = 15 * minuteMs;

/**
 * How far back a sweep counts rounds that closed since the previous counter: after a longer gap (the sweep
 * failing for that check), the rounds before it are left uncounted rather than read in one go.
 */
export const counterCatchUpMs = hourMs;

/** What counting needs to know of a check. */
export type CountedCheck = Pick<ResolvedCheck, 'id' | 'regions' | 'intervalMs' | 'slo'>;

/** What `advanceCounter` needs. */
export interface AdvanceCounterInput {
  check: CountedCheck;
  /** The check's newest counter, if it has one. */
  previous: ProbeCounter | undefined;
  /** The check's results of every round from `countingFromMs(previous, nowMs)` on (more do no harm). */
  results: readonly StoredResult[];
  /** Now, epoch milliseconds. */
  nowMs: number;
  /** How long after its start a round closes (is judged on whatever reported). */
  closeAfterMs: number;
  /** Whether a probe that started at this instant is in a maintenance window: it is not counted. */
  inMaintenance: (startedAtMs: number) => boolean;
}

/** The oldest round whose results `advanceCounter` needs, epoch milliseconds. */
export function countingFromMs(previous: ProbeCounter | undefined, nowMs: number): number {
  if (previous === undefined) return nowMs - lateResultHorizonMs;
  const oldestPartial = previous.partialRounds[0]?.roundAtMs ?? Number.POSITIVE_INFINITY;
  return Math.max(nowMs - counterCatchUpMs, Math.min(previous.countedThroughRoundAtMs + 1, oldestPartial));
}

/**
 * The check's next counter at `nowMs`: the previous totals plus every probe of the rounds that closed since
 * (one per region and round; a repeated probe of the same round and region counts once), plus the late results
 * of earlier rounds that a region had not reported when they were counted. Probes in a maintenance window count
 * in no total. Undefined when there is nothing new to write (no round closed, no late result), or nothing to
 * count yet (no previous counter and no result).
 *
 * Ok probes' total latencies are added to the running `latencyHistogram` (the status page's percentiles).
 *
 * Every counter is a whole snapshot derived from its predecessor, so two sweeps that raced from the same
 * predecessor each write a correct one, and the next sweep continues from the newer: nothing is counted twice.
 * `partialRounds` (with region bits by position in `check.regions`) remembers which regions each recent round
 * counted, for `lateResultHorizonMs`.
 */
export function advanceCounter(input: AdvanceCounterInput): ProbeCounter | undefined {
  const { check, previous, nowMs } = input;
  const regionBit = new Map(check.regions.map((region, index) => [region, 2 ** index]));
  const allRegions = 2 ** check.regions.length - 1;
  const previousThrough = previous?.countedThroughRoundAtMs ?? Number.NEGATIVE_INFINITY;
  const floorMs = countingFromMs(previous, nowMs);
  const closedThrough = Math.max(previousThrough, roundAtFor(check, nowMs - input.closeAfterMs));
  const partial = new Map(
    (previous?.partialRounds ?? []).map((round) => [round.roundAtMs, round.countedRegions]),
  );
  const fresh = new Map<number, number>();
  const next: ProbeCounter = {
    atMs: Math.floor(nowMs / minuteMs) * minuteMs,
    total: previous?.total ?? 0,
    availabilityGood: previous?.availabilityGood ?? 0,
    latencyGood: previous?.latencyGood ?? 0,
    countedThroughRoundAtMs: closedThrough,
    partialRounds: [],
    lastReportedMs: { ...previous?.lastReportedMs },
  };
  let counted = 0;
  const okLatenciesMs: number[] = [];
  const ordered = [...input.results].sort((a, b) => a.result.startedAt.localeCompare(b.result.startedAt));
  for (const { result, roundAtMs } of ordered) {
    const bit = regionBit.get(result.region);
    if (bit === undefined || roundAtMs > closedThrough || roundAtMs < floorMs) continue;
    const seen = roundAtMs <= previousThrough ? partial : fresh;
    const regions = seen === partial ? partial.get(roundAtMs) : (fresh.get(roundAtMs) ?? 0);
    // A round counted whole, or beyond the horizon, or this region of it counted already.
    if (regions === undefined || (regions & bit) !== 0) continue;
    seen.set(roundAtMs, regions | bit);
    counted += 1;
    const startedAtMs = Date.parse(result.startedAt);
    next.lastReportedMs[result.region] = Math.max(next.lastReportedMs[result.region] ?? 0, startedAtMs);
    if (input.inMaintenance(startedAtMs)) continue;
    const goodness = countedProbe(result, check);
    next.total += 1;
    if (goodness.availabilityGood) {
      next.availabilityGood += 1;
      okLatenciesMs.push(result.totalMs);
    }
    if (goodness.latencyGood) next.latencyGood += 1;
  }
  const histogram = previous?.latencyHistogram;
  if (okLatenciesMs.length > 0) next.latencyHistogram = addLatencies(histogram ?? [], okLatenciesMs);
  else if (histogram !== undefined) next.latencyHistogram = [...histogram];
  if (previous === undefined && counted === 0) return undefined;
  // Rounds that closed with no region reported yet are partial too: a late result still counts.
  const firstOpenMs =
    previous === undefined ? Math.min(...fresh.keys()) : Math.max(previousThrough, floorMs - 1);
  for (
    let roundAtMs = roundAtFor(check, closedThrough);
    roundAtMs > firstOpenMs;
    roundAtMs -= check.intervalMs
  ) {
    if (!fresh.has(roundAtMs)) fresh.set(roundAtMs, 0);
  }
  const horizonMs = nowMs - lateResultHorizonMs;
  const rounds: PartialRound[] = [...partial, ...fresh]
    .filter(([roundAtMs, regions]) => regions !== allRegions && roundAtMs > horizonMs)
    .map(([roundAtMs, countedRegions]) => ({ roundAtMs, countedRegions }))
    .sort((a, b) => a.roundAtMs - b.roundAtMs);
  next.partialRounds = rounds;
  if (counted === 0 && closedThrough === previousThrough) return undefined;
  return next;
}
