import { describe, expect, it } from 'vitest';
import { validateMonitor } from '../../../functions/core';
import { budgetIsMeasurable, desiredSloStatus } from '../../../functions/core/alerting/slo-alert';
import { dayMs } from '../../../functions/core/declare/duration';
import { evaluateSlo, sloWindowSpansMs } from '../../../functions/core/slo/evaluate-slo';
import { validMonitor } from '../monitor-fixture';

const windowMs = 30 * dayMs;

function apiCheck() {
  const validation = validateMonitor(validMonitor());
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const check = validation.monitor.checks.find((candidate) => candidate.id === 'api');
  if (check === undefined) throw new Error('no api check');
  return check;
}

/** Every window holds `total` probes, `bad` of them bad, except the whole SLO window, which holds `windowTotal`. */
function windows(total: number, bad: number, windowTotal = total) {
  return sloWindowSpansMs(windowMs).map((spanMs) => {
    const all = spanMs === windowMs ? windowTotal : total;
    return { spanMs, total: all, availabilityGood: all - bad, latencyGood: all - bad };
  });
}

describe('budgetIsMeasurable', () => {
  it('waits until the window allows one bad probe: 1,000 probes for 99.9%, 100 for 99%', () => {
    expect(budgetIsMeasurable({ total: 999, bad: 0 }, 99.9)).toBe(false);
    expect(budgetIsMeasurable({ total: 1_000, bad: 0 }, 99.9)).toBe(true);
    expect(budgetIsMeasurable({ total: 100, bad: 0 }, 99)).toBe(true);
  });
});

describe('desiredSloStatus', () => {
  it('on a new check, says how many probes failed and prints no budget figure', () => {
    const verdict = evaluateSlo({
      objective: 'availability',
      targetPercent: 99.9,
      windowMs,
      windows: windows(3, 3),
    });
    const desired = desiredSloStatus(apiCheck(), verdict, windowMs);
    expect(desired.status).toBe('firing');
    expect(desired.details.summary).toBe(
      'api failed 3 of 3 probes in the last hour, against its 99.9% availability objective',
    );
    expect(desired.details.slo?.budgetRemainingPercent).toBeUndefined();
    expect(desired.details.slo?.longWindowProbes).toEqual({ bad: 3, total: 3 });
  });

  it('words a latency objective with its threshold', () => {
    const verdict = evaluateSlo({
      objective: 'latency',
      targetPercent: 99,
      windowMs,
      windows: windows(6, 4),
    });
    expect(desiredSloStatus(apiCheck(), verdict, windowMs).details.summary).toBe(
      'api had 4 of 6 probes slower than 300ms or failing in the last hour, against its 99% latency objective',
    );
  });

  it('with enough probes in the window, gives the burn rate and the budget left', () => {
    const verdict = evaluateSlo({
      objective: 'availability',
      targetPercent: 99.9,
      windowMs,
      windows: windows(60, 3, 20_000),
    });
    const desired = desiredSloStatus(apiCheck(), verdict, windowMs);
    expect(desired.details.summary).toBe(
      'api is burning its 99.9% availability budget 50.0x too fast (85.0% of the 30d error budget left)',
    );
    expect(desired.details.slo?.budgetRemainingPercent).toBeCloseTo(85);
  });
});
