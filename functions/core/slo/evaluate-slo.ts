import type { Severity } from '../alerting/alert-kind';
import { defaultMinBadEvents } from '../declare/defaults';
import { minuteMs } from '../declare/duration';
import { burnRate, type EventCounts } from './burn-rate';
import { type BurnRateRule, type BurnRateRuleName, burnRateRules } from './burn-rate-rules';
import type { WindowTotals } from './window-totals';

/** What an objective counts as good: an ok probe, or an ok probe within the latency threshold. */
export type SloObjective = 'availability' | 'latency';

/** The fewest bad events each window of a rule needs before the rule may fire. */
export interface MinBadEvents {
  /** In the long window. @default 3 */
  long: number;
  /** In the short window. @default 1 */
  short: number;
}

/** What `evaluateSlo` needs: one objective of one check, and the probes of its windows. */
export interface SloEvaluationInput {
  /** Which objective. */
  objective: SloObjective;
  /** The objective in percent, strictly between 0 and 100. */
  targetPercent: number;
  /** The SLO window, in milliseconds. */
  windowMs: number;
  /** The probes of every window `sloWindowSpansMs(windowMs)` lists, each ending now. */
  windows: readonly WindowTotals[];
  /**
   * The fewest bad events each window needs before a rule fires.
   * @default { long: 3, short: 1 }
   */
  minBadEvents?: MinBadEvents;
}

/** What one rule's two windows measured. */
export interface BurnRateMeasurement {
  /** The long window's burn rate. */
  longBurnRate: number;
  /** The short window's burn rate. */
  shortBurnRate: number;
  /** Bad events in the long window. */
  longBad: number;
  /** Bad events in the short window. */
  shortBad: number;
  /** All events in the long window. */
  longTotal: number;
  /** All events in the short window. */
  shortTotal: number;
}

/** The rule that fires, and how fast its windows burn. */
export interface FiringBurnRate {
  /** The most severe rule that fires. */
  rule: BurnRateRule;
  /** Its severity. */
  severity: Severity;
  /** Its long window's burn rate. */
  longBurnRate: number;
  /** Its short window's burn rate. */
  shortBurnRate: number;
}

/** The verdict on one objective. */
export interface SloEvaluation {
  /** Which objective. */
  objective: SloObjective;
  /** The objective in percent. */
  targetPercent: number;
  /**
   * The error budget left over the whole SLO window, in percent: 100 with no bad events (or no events), 0 when
   * exactly spent, negative once overspent.
   */
  budgetRemainingPercent: number;
  /** The probes of the whole SLO window, and how many of them were bad. */
  windowCounts: EventCounts;
  /** The most severe rule that fires; `undefined` when none does. */
  firing?: FiringBurnRate;
  /** What each rule's windows measured. */
  measured: Record<BurnRateRuleName, BurnRateMeasurement>;
}

/**
 * The windows `evaluateSlo` reads, in milliseconds, each ending now: both windows of every burn-rate rule (at
 * least a minute, the counters' step: a scaled 5-minute window of a short SLO still counts the last minute) and
 * the whole SLO window, for the budget. Distinct, shortest first: one counter read per window start.
 */
export function sloWindowSpansMs(windowMs: number): number[] {
  const spans = burnRateRules(windowMs).flatMap((rule) => [rule.longMs, rule.shortMs]);
  return [...new Set([...spans.map((spanMs) => Math.max(spanMs, minuteMs)), windowMs])].sort((a, b) => a - b);
}

/**
 * Evaluates one objective with multi-window, multi-burn-rate rules (see `burnRateRules`), from the probes of
 * each window (see `sloWindowSpansMs`). A rule fires when both its windows burn at least its factor and they
 * hold at least `minBadEvents` bad events (3 in the long window and 1 in the short by default), so that the few
 * probes of synthetic traffic cannot page on one failure. Rules are tried most severe first; the first that
 * fires wins. Throws when a window it needs is not given.
 */
export function evaluateSlo(input: SloEvaluationInput): SloEvaluation {
  const { objective, targetPercent, windowMs } = input;
  const minBad = input.minBadEvents ?? defaultMinBadEvents;
  const count = (spanMs: number): EventCounts => countEvents(input.windows, objective, spanMs);

  let firing: FiringBurnRate | undefined;
  const measured = {} as Record<BurnRateRuleName, BurnRateMeasurement>;
  for (const rule of burnRateRules(windowMs)) {
    const long = count(rule.longMs);
    const short = count(rule.shortMs);
    const measurement: BurnRateMeasurement = {
      longBurnRate: burnRate(long, targetPercent),
      shortBurnRate: burnRate(short, targetPercent),
      longBad: long.bad,
      shortBad: short.bad,
      longTotal: long.total,
      shortTotal: short.total,
    };
    measured[rule.name] = measurement;
    const fires =
      measurement.longBurnRate >= rule.factor &&
      measurement.shortBurnRate >= rule.factor &&
      long.bad >= minBad.long &&
      short.bad >= minBad.short;
    if (fires && firing === undefined) {
      firing = {
        rule,
        severity: rule.severity,
        longBurnRate: measurement.longBurnRate,
        shortBurnRate: measurement.shortBurnRate,
      };
    }
  }
  const whole = countEvents(input.windows, objective, windowMs);
  return {
    objective,
    targetPercent,
    budgetRemainingPercent: 100 * (1 - burnRate(whole, targetPercent)),
    windowCounts: whole,
    ...(firing === undefined ? {} : { firing }),
    measured,
  };
}

/** Events and bad events of the window of `spanMs` (at least a minute, as `sloWindowSpansMs` lists it). */
function countEvents(windows: readonly WindowTotals[], objective: SloObjective, spanMs: number): EventCounts {
  const wantedMs = Math.max(spanMs, minuteMs);
  const window = windows.find((candidate) => candidate.spanMs === wantedMs);
  if (window === undefined) throw new Error(`evaluateSlo needs the probes of the last ${wantedMs} ms`);
  const good = objective === 'latency' ? window.latencyGood : window.availabilityGood;
  return { total: window.total, bad: window.total - good };
}
