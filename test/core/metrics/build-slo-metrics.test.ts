import { describe, expect, it } from 'vitest';
import { buildSloMetrics } from '../../../functions/core/metrics/build-slo-metrics';

const at = Date.parse('2025-03-01T12:03:20.000Z');

describe('buildSloMetrics', () => {
  it('builds SloBudgetRemaining with CheckId and Objective, at the start of the minute', () => {
    expect(
      buildSloMetrics(
        [
          { checkId: 'orders-api', objective: 'availability', budgetRemainingPercent: 72.4449, atMs: at },
          { checkId: 'orders-api', objective: 'latency', budgetRemainingPercent: -12.5, atMs: at },
        ],
        { sloBudget: true },
      ),
    ).toEqual([
      {
        name: 'SloBudgetRemaining',
        dimensions: { CheckId: 'orders-api', Objective: 'availability' },
        unit: 'Percent',
        timestampMs: Date.parse('2025-03-01T12:03:00.000Z'),
        values: [72.44],
      },
      {
        name: 'SloBudgetRemaining',
        dimensions: { CheckId: 'orders-api', Objective: 'latency' },
        unit: 'Percent',
        timestampMs: Date.parse('2025-03-01T12:03:00.000Z'),
        values: [-12.5],
      },
    ]);
  });

  it('keeps the latest sample of an objective within a minute and drops non-finite ones', () => {
    const datums = buildSloMetrics(
      [
        { checkId: 'a', objective: 'availability', budgetRemainingPercent: 50, atMs: at + 10_000 },
        { checkId: 'a', objective: 'availability', budgetRemainingPercent: 60, atMs: at },
        { checkId: 'a', objective: 'latency', budgetRemainingPercent: Number.NaN, atMs: at },
      ],
      { sloBudget: true },
    );
    expect(datums.map((datum) => datum.values)).toEqual([[50]]);
  });

  it('builds nothing unless the monitor asks for SLO budget series (the default)', () => {
    const samples = [
      { checkId: 'a', objective: 'availability' as const, budgetRemainingPercent: 50, atMs: at },
    ];
    expect(buildSloMetrics(samples, { sloBudget: false })).toEqual([]);
    expect(buildSloMetrics(samples, { sloBudget: true })).toHaveLength(1);
  });
});
