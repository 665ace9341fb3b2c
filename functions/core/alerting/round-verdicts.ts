import type { StoredResult } from '../ports/stored-result';
import type { ProbeResult } from '../probe-result';

/** How a round went for one alert: `pending` until it can be told. */
export type RoundOutcome = 'failed' | 'passed' | 'pending';

/** A judged round. */
export interface RoundVerdict {
  roundAtMs: number;
  outcome: RoundOutcome;
  /** The regions whose result counted as bad, sorted. */
  badRegions: string[];
  /** The regions that reported, sorted. */
  reportedRegions: string[];
  /** The newest bad result of the round, for messages. */
  lastBad?: ProbeResult;
}

/** What a round is judged on. */
export interface RoundRules {
  /** The regions the check is probed from. */
  regions: readonly string[];
  /** How many bad regions make a failed round. */
  regionsToFail: number;
  /** How long after its start a round is judged with whatever reported, in milliseconds. */
  closeAfterMs: number;
  /** Whether a result counts against the round. */
  isBad: (result: ProbeResult) => boolean;
}

/**
 * Judges rounds in order from stored results: a round fails as soon as `regionsToFail` regions are bad; it
 * passes once so many regions reported good that it can no longer fail, or once it closed without failing.
 * Judging stops at the first round that is still pending, so rounds are always counted in order.
 */
export function judgeRounds(
  results: readonly StoredResult[],
  rules: RoundRules,
  nowMs: number,
): RoundVerdict[] {
  const byRound = groupByRound(results, rules.regions);
  const verdicts: RoundVerdict[] = [];
  for (const [roundAtMs, latestByRegion] of [...byRound].sort(([a], [b]) => a - b)) {
    const verdict = judgeRound(roundAtMs, latestByRegion, rules, nowMs);
    verdicts.push(verdict);
    if (verdict.outcome === 'pending') break;
  }
  return verdicts;
}

function groupByRound(
  results: readonly StoredResult[],
  regions: readonly string[],
): Map<number, Map<string, ProbeResult>> {
  const byRound = new Map<number, Map<string, ProbeResult>>();
  for (const { result, roundAtMs } of results) {
    if (!regions.includes(result.region)) continue;
    const round = byRound.get(roundAtMs) ?? new Map<string, ProbeResult>();
    const previous = round.get(result.region);
    if (previous === undefined || previous.startedAt <= result.startedAt) round.set(result.region, result);
    byRound.set(roundAtMs, round);
  }
  return byRound;
}

function judgeRound(
  roundAtMs: number,
  latestByRegion: Map<string, ProbeResult>,
  rules: RoundRules,
  nowMs: number,
): RoundVerdict {
  const reported = [...latestByRegion.values()];
  const bad = reported.filter(rules.isBad);
  const goodCount = reported.length - bad.length;
  const closed = nowMs >= roundAtMs + rules.closeAfterMs;
  const canStillFail = rules.regions.length - goodCount >= rules.regionsToFail;
  const outcome: RoundOutcome =
    bad.length >= rules.regionsToFail ? 'failed' : !canStillFail || closed ? 'passed' : 'pending';
  const lastBad = bad.sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1);
  return {
    roundAtMs,
    outcome,
    badRegions: bad.map((result) => result.region).sort(),
    reportedRegions: reported.map((result) => result.region).sort(),
    ...(lastBad === undefined ? {} : { lastBad }),
  };
}
