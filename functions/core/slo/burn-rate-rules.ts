import type { Severity } from '../alerting/alert-kind';
import { dayMs, hourMs, minuteMs } from '../declare/duration';

/** The SLO window the standard burn-rate windows are written for; other windows scale them. */
export const referenceSloWindowMs = 30 * dayMs;

/** The name of a burn-rate rule: two that page, one that opens a ticket. */
export type BurnRateRuleName = 'page-fast' | 'page-slow' | 'ticket';

/**
 * A multi-window burn-rate rule: it fires when the error budget burns at least `factor` times the sustainable
 * rate over both the long window (it is significant) and the short one (it is still going on).
 */
export interface BurnRateRule {
  /** Which rule. */
  name: BurnRateRuleName;
  /** How urgent its alert is. */
  severity: Severity;
  /** The burn rate, as a multiple of the rate that spends exactly the budget over the SLO window. */
  factor: number;
  /** The long window, in milliseconds. */
  longMs: number;
  /** The short window, in milliseconds. */
  shortMs: number;
}

const referenceRules: readonly BurnRateRule[] = [
  { name: 'page-fast', severity: 'critical', factor: 14.4, longMs: hourMs, shortMs: 5 * minuteMs },
  { name: 'page-slow', severity: 'critical', factor: 6, longMs: 6 * hourMs, shortMs: 30 * minuteMs },
  { name: 'ticket', severity: 'warning', factor: 1, longMs: 3 * dayMs, shortMs: 6 * hourMs },
];

/**
 * The burn-rate rules of an SLO window, most severe first: page at 14.4× over 1 h and 5 min, page at 6× over
 * 6 h and 30 min, ticket at 1× over 3 d and 6 h, for a 30-day window; every window is scaled by
 * `sloWindowMs / 30 days` (rounded to whole milliseconds), so that each rule still means the same share of the
 * budget (14.4× over 1/720 of the window spends 2% of it).
 */
export function burnRateRules(sloWindowMs: number): BurnRateRule[] {
  const scale = sloWindowMs / referenceSloWindowMs;
  return referenceRules.map((rule) => ({
    ...rule,
    longMs: Math.round(rule.longMs * scale),
    shortMs: Math.round(rule.shortMs * scale),
  }));
}
