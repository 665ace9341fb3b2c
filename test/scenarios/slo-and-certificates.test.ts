import { describe, expect, it } from 'vitest';
import {
  eventsOf,
  oneCheckMonitor,
  recordingMetrics,
  recordingNotifier,
  Scenario,
} from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();

async function scenario(extra: Record<string, unknown>) {
  const notifier = recordingNotifier();
  const metrics = recordingMetrics();
  const run = new Scenario(oneCheckMonitor(extra, { metrics: { sloBudget: true } }), {
    endpoint: db.endpoint,
    tableName: db.tableName,
    notifier,
    metrics,
  });
  return { run, notifier, metrics };
}

const sloOnly = {
  slo: { availability: 99.9, window: '30d' },
  // Outages need every region failing, so that only the SLO speaks in these scenarios.
  alert: { regionsToFail: 3 },
};

describe('SLO burn-rate alerts', () => {
  it('one failed probe in 1000 never pages', async () => {
    const { run, notifier, metrics } = await scenario(sloOnly);
    let probes = 0;
    for (let round = 0; round < 334; round += 1) {
      await run.round('orders-api', (region) => (round === 200 && region === 'eu-west-1' ? 'fail' : 'ok'));
      probes += 3;
      if (round % 5 === 4 || round === 201) await run.sweep();
    }
    expect(probes).toBeGreaterThanOrEqual(1000);
    expect(notifier.sent.filter((event) => event.severity === 'critical')).toEqual([]);
    expect(eventsOf(notifier.sent, 'slo-availability')).toEqual([]);
    const budget = metrics.datums.filter((datum) => datum.name === 'SloBudgetRemaining');
    expect(budget.at(-1)?.values[0]).toBeLessThan(100);
  });

  it('a sustained 2% error rate against a 99.9% SLO pages once the 1 h window holds 3 bad probes and the 5 min window 1', async () => {
    const { run, notifier } = await scenario(sloOnly);
    const badAtMs: number[] = [];
    let probe = 0;
    for (let round = 0; round < 90; round += 1) {
      const roundMs = run.nowMs;
      await run.round('orders-api', () => {
        probe += 1;
        if (probe % 50 !== 0) return 'ok';
        badAtMs.push(roundMs);
        return 'fail';
      });
      await run.sweep();
    }
    const pages = eventsOf(notifier.sent, 'slo-availability', 'opened');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.severity).toBe('critical');
    expect(pages[0]?.slo?.rule.name).toBe('page-fast');
    expect(pages[0]?.slo?.longBurnRate).toBeGreaterThanOrEqual(14.4);
    // The math: 2% is a 20x burn, above 14.4 from the first probe; the page waits for the third bad probe
    // (the minimum for the long window), and fires at the sweep right after it.
    const thirdBadMs = badAtMs[2] as number;
    expect(Date.parse(pages[0]?.at ?? '')).toBeGreaterThanOrEqual(thirdBadMs);
    expect(Date.parse(pages[0]?.at ?? '')).toBeLessThanOrEqual(thirdBadMs + 60_000);
  });

  it('a latency SLO counts slow probes as bad and pages', async () => {
    const { run, notifier } = await scenario({
      slo: { latency: { threshold: '1s', target: 99 }, window: '30d' },
      alert: { regionsToFail: 3 },
    });
    for (let round = 0; round < 10; round += 1) {
      await run.round('orders-api', () => 'slow');
      await run.sweep();
    }
    const pages = eventsOf(notifier.sent, 'slo-latency', 'opened');
    expect(pages).toHaveLength(1);
    expect(eventsOf(notifier.sent, 'slo-availability')).toEqual([]);
  });
});

describe('certificate expiry', () => {
  it('warns once as the certificate nears expiry, escalates once when critical, resolves once renewed', async () => {
    const { run, notifier } = await scenario({});
    for (let day = 30; day >= 3; day -= 1) {
      for (let round = 0; round < 3; round += 1) {
        await run.round('orders-api', () => ({ ok: true, tls: { daysUntilExpiry: day + 0.5 } }));
        await run.sweep();
      }
    }
    const certificate = eventsOf(notifier.sent, 'certificate');
    expect(certificate.map((event) => [event.type, event.severity])).toEqual([
      ['opened', 'warning'],
      ['escalated', 'critical'],
    ]);
    expect(certificate[0]?.certificate?.daysUntilExpiry).toBeCloseTo(20.5);
    await run.round('orders-api', () => ({ ok: true, tls: { daysUntilExpiry: 89 } }));
    await run.sweep();
    await run.sweep();
    expect(eventsOf(notifier.sent, 'certificate', 'resolved')).toHaveLength(1);
  });
});
