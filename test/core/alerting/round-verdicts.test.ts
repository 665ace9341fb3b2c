import { describe, expect, it } from 'vitest';
import { judgeRounds, type RoundRules } from '../../../functions/core/alerting/round-verdicts';
import type { StoredResult } from '../../../functions/core/ports/stored-result';
import type { ResolvedHttpCheck } from '../../../functions/core/resolve/resolved-monitor';
import { simulatedResult } from '../../support/scenario';

const check = {
  id: 'api',
  kind: 'http',
  url: 'https://x.test/',
  regions: ['a', 'b', 'c'],
} as ResolvedHttpCheck;
const rules: RoundRules = {
  regions: ['a', 'b', 'c'],
  regionsToFail: 2,
  closeAfterMs: 40_000,
  isBad: (result) => !result.ok,
};

function stored(roundAtMs: number, region: string, ok: boolean, offsetMs = 100): StoredResult {
  return { roundAtMs, result: simulatedResult(check, region, roundAtMs + offsetMs, ok ? 'ok' : 'fail') };
}

describe('judgeRounds', () => {
  it('fails a round as soon as enough regions failed, before the others report', () => {
    const [verdict] = judgeRounds([stored(0, 'a', false), stored(0, 'b', false)], rules, 1_000);
    expect(verdict).toMatchObject({ outcome: 'failed', badRegions: ['a', 'b'], reportedRegions: ['a', 'b'] });
    expect(verdict?.lastBad?.region).toBe('b');
  });

  it('passes a round once it can no longer fail, and waits while it still could', () => {
    expect(judgeRounds([stored(0, 'a', true)], rules, 1_000)[0]?.outcome).toBe('pending');
    expect(judgeRounds([stored(0, 'a', true), stored(0, 'b', true)], rules, 1_000)[0]?.outcome).toBe(
      'passed',
    );
  });

  it('judges a closed round on what reported', () => {
    expect(judgeRounds([stored(0, 'a', false)], rules, 39_999)[0]?.outcome).toBe('pending');
    expect(judgeRounds([stored(0, 'a', false)], rules, 40_000)[0]?.outcome).toBe('passed');
  });

  it('judges rounds in order and stops at the first pending one', () => {
    const results = [
      stored(120_000, 'a', false),
      stored(120_000, 'b', false),
      stored(60_000, 'a', true),
      stored(0, 'a', true),
      stored(0, 'b', true),
    ];
    expect(
      judgeRounds(results, rules, 70_000).map((verdict) => [verdict.roundAtMs, verdict.outcome]),
    ).toEqual([
      [0, 'passed'],
      [60_000, 'pending'],
    ]);
  });

  it('counts one result per region and round (the latest), and ignores regions the check is not placed in', () => {
    const results = [
      stored(0, 'a', false, 100),
      stored(0, 'a', true, 200),
      stored(0, 'z', false),
      stored(0, 'b', false),
    ];
    expect(judgeRounds(results, rules, 1_000)[0]).toMatchObject({ outcome: 'pending', badRegions: ['b'] });
  });
});
