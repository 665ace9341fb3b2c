import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { dayMs, hourMs } from '../../functions/core/declare/duration';
import { buildStatusPageData } from '../../functions/runtime/build-status-page';
import {
  historyCertificateValidTo,
  historyCountedAfterMs,
  historyIntervalMs,
  historyStartMs,
  hostileName,
  simulateHistory,
} from '../support/status-history';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();

/** Two whole days and ten hours: the third day is today. */
const durationMs = 2 * dayMs + 10 * hourMs;
const allChecks = ['orders-api', 'website', 'cache'];

describe('buildStatusPageData', () => {
  it('fills states, 90 daily bars, uptime, latency, certificates and incidents from what the evaluator and the sweep wrote', async () => {
    const { run, expected, probes, rounds } = await simulateHistory(db, durationMs);
    const roundsOf = (checkId: string) => rounds.get(checkId) ?? [];
    const nowMs = run.nowMs;
    const data = await buildStatusPageData(run.store, run.monitor, nowMs, {
      title: 'Acme status',
      checkIds: allChecks,
    });
    expect(data.title).toBe('Acme status');
    expect(data.nowMs).toBe(nowMs);
    expect(data.checks.map((check) => [check.id, check.name, check.state])).toEqual([
      ['orders-api', 'Orders API', 'up'],
      ['website', hostileName, 'down'],
      ['cache', 'Cache', 'up'],
    ]);
    const website = data.checks[1];
    // An outage began with its first failed round: the last three rounds failed.
    expect(website?.sinceMs).toBe(roundsOf('website').at(-3));
    expect(website?.lastError?.code).toBe('CONNECT_TIMEOUT');

    const todayMs = historyStartMs + 2 * dayMs;
    for (const check of data.checks) {
      expect(check.days).toHaveLength(90);
      expect(check.days.at(-1)?.dayStartMs).toBe(todayMs);
      const days = expected.get(check.id);
      for (const day of check.days) {
        expect(day.rounds, `${check.id} ${new Date(day.dayStartMs).toISOString()}`).toEqual(
          days?.get(day.dayStartMs),
        );
      }
    }
    const orders = data.checks[0];
    expect(orders?.days.at(-2)?.rounds?.good).toBeLessThan(orders?.days.at(-2)?.rounds?.total ?? 0);
    // Down for its rounds from 09:00 to 10:30, resolved by the second passing round (at 11:00 and its phase).
    const ordersPhaseMs = (roundsOf('orders-api')[0] ?? 0) - historyStartMs;
    const openedMs = historyStartMs + dayMs + 9 * hourMs + ordersPhaseMs;
    const resolvedMs = openedMs + 4 * historyIntervalMs;
    expect(orders?.days.at(-2)?.incidents).toEqual([
      { kind: 'outage', severity: 'critical', openMs: resolvedMs - openedMs },
    ]);
    expect(data.checks[2]?.days.at(-3)?.rounds?.good).toBeLessThan(
      data.checks[2]?.days.at(-3)?.rounds?.total ?? 0,
    );

    // Uptime over 24 h: the probes counted in the last 24 hours (each a minute after its round started).
    for (const check of data.checks) {
      const lastDay = (probes.get(check.id) ?? []).filter(
        (probe) =>
          probe.roundAtMs + historyCountedAfterMs > nowMs - dayMs &&
          probe.roundAtMs + historyCountedAfterMs <= nowMs,
      );
      expect(check.uptime['24h'], check.id).toEqual({
        total: lastDay.length,
        good: lastDay.filter((probe) => probe.ok).length,
      });
      const everyDay = [...(expected.get(check.id)?.values() ?? [])];
      const sum = { total: 0, good: 0 };
      for (const day of everyDay) {
        sum.total += day.total;
        sum.good += day.good;
      }
      expect(check.uptime['7d']).toEqual(sum);
      expect(check.uptime['90d']).toEqual(sum);
    }
    // Latency over the last 24 hours, within 9 %: mostly 100 ms, every tenth round 400 ms.
    expect(orders?.latency?.p50Ms).toBeGreaterThan(100 / 1.09);
    expect(orders?.latency?.p50Ms).toBeLessThan(100 * 1.09);
    expect(orders?.latency?.p95Ms).toBeGreaterThan(400 / 1.09);
    expect(orders?.latency?.p95Ms).toBeLessThan(400 * 1.09);
    expect(orders?.certificate).toEqual({
      validToMs: Date.parse(historyCertificateValidTo),
      warningDays: 21,
    });
    expect(data.checks[2]?.certificate).toBeUndefined();

    expect(
      data.incidents.map((incident) => [incident.checkId, incident.kind, incident.resolvedAtMs]),
    ).toEqual([
      ['website', 'outage', undefined],
      ['orders-api', 'outage', resolvedMs],
    ]);
    expect(data.incidents[1]?.openedAtMs).toBe(openedMs);
    expect(data.incidents[1]?.events.map((event) => event.type)).toEqual(['opened', 'resolved']);

    // The sweep summarized each closed day once, at midnight.
    const summary = await run.store.daySummary('orders-api');
    expect(summary?.throughDayMs).toBe(todayMs);
    expect(summary?.days.slice(-2)).toEqual(
      [historyStartMs, historyStartMs + dayMs].map((day) => {
        const tally = expected.get('orders-api')?.get(day);
        return tally === undefined ? undefined : { total: tally.total, availabilityGood: tally.good };
      }),
    );
    expect(summary?.days).toHaveLength(90);

    // Without the day summary (the sweep could not write it), the same bars, from the counters.
    for (const checkId of allChecks) {
      await db.client.send(
        new DeleteItemCommand({
          TableName: db.tableName,
          Key: { pk: { S: `check#${checkId}` }, sk: { S: 'days' } },
        }),
      );
    }
    const again = await buildStatusPageData(run.store, run.monitor, nowMs, {
      title: 'Acme status',
      checkIds: allChecks,
    });
    expect(again.checks.map((check) => check.days)).toEqual(data.checks.map((check) => check.days));
    expect(again.checks.map((check) => check.uptime)).toEqual(data.checks.map((check) => check.uptime));
  }, 60_000);

  it('lists only the listed checks, in their order, with only their incidents; unknown ids are left out', async () => {
    const { run } = await simulateHistory(db, dayMs + 12 * hourMs);
    const data = await buildStatusPageData(run.store, run.monitor, run.nowMs, {
      title: 'Orders',
      checkIds: ['cache', 'no-such-check', 'orders-api'],
      show: { targets: true, errors: false },
      pageUrl: 'https://status.example.com/',
    });
    expect(data.checks.map((check) => check.id)).toEqual(['cache', 'orders-api']);
    expect(data.incidents.map((incident) => incident.checkId)).toEqual(['orders-api']);
    expect(data.show).toEqual({ targets: true, errors: false });
    expect(data.pageUrl).toBe('https://status.example.com/');
  }, 60_000);
});
