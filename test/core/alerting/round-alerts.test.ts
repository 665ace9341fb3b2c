import { describe, expect, it } from 'vitest';
import { newAlertState } from '../../../functions/core/alerting/new-alert-state';
import {
  describeRoundAlert,
  type RoundAlert,
  roundAlerts,
} from '../../../functions/core/alerting/round-alerts';
import { judgeRounds, type RoundVerdict } from '../../../functions/core/alerting/round-verdicts';
import type { ResolvedCheck } from '../../../functions/core/resolve/resolved-monitor';
import { httpCheck } from '../../support/resolved-checks';
import { type SimulatedOutcome, simulatedResult } from '../../support/scenario';

const check = httpCheck({
  url: 'https://x.test/',
  name: 'API',
  regions: ['a', 'b', 'c'],
  degradedLatencyMs: 1_000,
});
const [outage, degraded] = roundAlerts as [RoundAlert, RoundAlert];

/** The verdict of round 0 for `alert`, with one region's result each, given in `check.regions` order. */
function verdictOf(alert: RoundAlert, outcomes: Exclude<SimulatedOutcome, 'skip'>[]): RoundVerdict {
  const results = check.regions.map((region, index) => ({
    roundAtMs: 0,
    result: simulatedResult(check, region, 100 + index, outcomes[index] ?? 'ok'),
  }));
  const rules = { regions: check.regions, regionsToFail: 1, closeAfterMs: 1, isBad: alert.isBad };
  const [verdict] = judgeRounds(results, rules, 10_000);
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

function summaryOf(alert: RoundAlert, on: ResolvedCheck, verdict: RoundVerdict, firing: boolean): string {
  const current = { ...newAlertState(on.id, alert.kind, alert.kind, 0), failedRounds: firing ? 2 : 0 };
  return describeRoundAlert(alert, on)(verdict, firing, current).details.summary;
}

describe('roundAlerts', () => {
  it('counts failed regions against an outage and slow passing ones against degraded', () => {
    expect(verdictOf(outage, ['fail', 'slow', 'ok']).badRegions).toEqual(['a']);
    expect(verdictOf(degraded, ['fail', 'slow', 'ok']).badRegions).toEqual(['b']);
  });

  it('judges degraded only for checks with a degraded latency', () => {
    expect(outage.appliesTo(httpCheck({ url: 'https://x.test/' }))).toBe(true);
    expect(degraded.appliesTo(httpCheck({ url: 'https://x.test/' }))).toBe(false);
    expect(degraded.appliesTo(check)).toBe(true);
  });

  it('words a degraded change with the limit and the slowest latency, as a warning', () => {
    const verdict = verdictOf(degraded, ['slow', 'ok', 'slow']);
    expect(summaryOf(degraded, check, verdict, true)).toBe(
      'API is slower than 1s in 2 of 3 regions (a, c): 2500 ms',
    );
    expect(summaryOf(degraded, check, verdict, false)).toBe('API is back under 1s');
    expect(
      describeRoundAlert(degraded, check)(verdict, true, newAlertState('api', 'degraded', 'degraded', 0)),
    ).toMatchObject({ severity: 'warning', details: { regions: ['a', 'c'] } });
  });

  it('dates an opening from the first failed round of the streak', () => {
    const verdict = { ...verdictOf(outage, ['fail']), roundAtMs: 600_000 };
    const current = { ...newAlertState('api', 'outage', 'outage', 0), failedRounds: 3 };
    expect(describeRoundAlert(outage, check)(verdict, true, current)).toMatchObject({
      severity: 'critical',
      sinceMs: 600_000 - 2 * check.intervalMs,
    });
  });
});
