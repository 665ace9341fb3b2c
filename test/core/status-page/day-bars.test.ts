import { describe, expect, it } from 'vitest';
import { dayMs, hourMs, minuteMs } from '../../../functions/core/declare/duration';
import { dayBars, type Incident, utcDayStartMs } from '../../../functions/core/status-page';
import { nowMs } from './status-page-fixture';

const todayMs = utcDayStartMs(nowMs);

function incident(checkId: string, openedAtMs: number, resolvedAtMs?: number): Incident {
  return {
    id: `${checkId}:outage@${openedAtMs}`,
    checkId,
    kind: 'outage',
    severity: 'critical',
    summary: 'down',
    openedAtMs,
    ...(resolvedAtMs === undefined ? {} : { resolvedAtMs }),
    duringMaintenance: false,
    events: [],
  };
}

describe('dayBars', () => {
  it('gives the last 90 UTC days, oldest first, today last, with no data where the map has none', () => {
    const bars = dayBars('api', nowMs, new Map([[todayMs - dayMs, { total: 1440, good: 1439 }]]), []);
    expect(bars).toHaveLength(90);
    expect(bars.at(-1)?.dayStartMs).toBe(todayMs);
    expect(bars[0]?.dayStartMs).toBe(todayMs - 89 * dayMs);
    expect(bars.at(-2)?.rounds).toEqual({ total: 1440, good: 1439 });
    expect(bars.filter((bar) => bar.rounds !== undefined)).toHaveLength(1);
  });

  it("splits an incident across the days it was open, an open one until now, and ignores other checks'", () => {
    const overnight = incident(
      'api',
      todayMs - 2 * dayMs - 30 * minuteMs,
      todayMs - 2 * dayMs + 15 * minuteMs,
    );
    const open = incident('api', todayMs + hourMs);
    const bars = dayBars('api', nowMs, new Map(), [overnight, open, incident('other', todayMs)], 5);
    expect(bars.map((bar) => bar.incidents.map((day) => day.openMs))).toEqual([
      [],
      [30 * minuteMs],
      [15 * minuteMs],
      [],
      [nowMs - todayMs - hourMs],
    ]);
  });
});
