import { describe, expect, it } from 'vitest';
import { type Duration, heartbeat, type MetricsOptions, secret } from '../../../functions/core';
import { type CostEstimate, type CostLine, estimateCost } from '../../../functions/core/cost/estimate-cost';
import { anchorPrices, awsPrices } from '../../../functions/core/cost/price-list';
import { usageModel as m } from '../../../functions/core/cost/usage-model';
import { deployed, httpsChecks, standardScenario } from './cost-fixtures';

const gb = 1024 ** 3;
const minutes = 30 * 24 * 60;

function lineOf(estimate: CostEstimate, item: string): CostLine {
  const found = estimate.lines.find((line) => line.item === item);
  if (found === undefined)
    throw new Error(`no line ${item} in ${estimate.lines.map((l) => l.item).join(', ')}`);
  return found;
}

function usdOf(estimate: CostEstimate, item: string): number {
  return estimate.lines.find((line) => line.item === item)?.usd ?? 0;
}

describe('estimateCost arithmetic', () => {
  it('prices every line as quantity × unit price, and the total as the sum of the lines', () => {
    for (const estimate of [
      estimateCost(standardScenario()),
      estimateCost(standardScenario({ perRegion: true, phases: true, certificate: true, sloBudget: true })),
      estimateCost(deployed(httpsChecks(7, { interval: '10s' }), { email: ['a@example.com'] })),
    ]) {
      expect(estimate.lines.length).toBeGreaterThan(10);
      for (const line of estimate.lines) {
        expect(line.quantity, line.item).toBeGreaterThan(0);
        expect(line.usd, line.item).toBeCloseTo((line.quantity * line.price.usd) / line.price.per, 9);
      }
      const sum = estimate.lines.reduce((total, line) => total + line.usd, 0);
      expect(estimate.totalUsd).toBeCloseTo(sum, 9);
      expect(estimate.usdPerCheckMonth).toBeCloseTo(estimate.totalUsd / estimate.checks, 9);
    }
  });

  it('costs the standard scenario at most $100 a month, as computed by hand', () => {
    const estimate = estimateCost(standardScenario());
    const checks = 100;
    const regions = 3;
    // Probes: one scheduled invocation per region and minute (100 checks fit one shard), 2 waves of 50 probes.
    const probes = checks * regions * minutes;
    const probeInvocations = regions * minutes;
    // Each region's 100 results a minute are one stream burst: 1 batch of 100, so each check is in 3 a minute.
    const evaluateInvocations = 3 * minutes;
    const checkBatches = checks * 3 * minutes;
    // Per check and batch: its alert states, and the 3 regions' results of 5 rounds (a streak of 2, 2 more, and the
    // round itself), half a unit per started 4 KB.
    const evaluateReads =
      checkBatches * (m.alertStatesReadUnits + 0.5 * Math.ceil((5 * 3 * m.resultItemBytes) / 4096));
    const sweepInvocations = minutes;
    // Per check-minute: its alert states, its newest counter, the 3 regions' results of 4 rounds (the round alerts'
    // lookback of 4 minutes and 10 s is longer than the uncounted 1 minute and 45 s), and a counter at each SLO
    // window start of a 30-day window: 5 min, 30 min, 1 h, 6 h, 3 d and 30 d.
    // And each check's day summary, read (half a unit) and written (one unit) once a day.
    const sweepReads =
      checks *
        minutes *
        (m.alertStatesReadUnits +
          m.counterReadUnits +
          0.5 * Math.ceil((4 * 3 * m.resultItemBytes) / 4096) +
          6 * m.counterReadUnits) +
      checks * 30 * 0.5;
    const writes =
      probes +
      checks * minutes +
      checks * 30 +
      checks * m.alertEventsPerCheckMonth * m.writeUnitsPerAlertEvent +
      // Each failing minute of a 1-minute check is one failed round.
      checks * m.failingMinutesPerCheckMonth * m.writeUnitsPerFailedRound;
    const storedGb =
      (probes * (m.resultItemBytes + m.itemOverheadBytes) +
        checks * minutes * (m.counterItemBytes + m.itemOverheadBytes) +
        checks * (m.daySummaryItemBytes + m.itemOverheadBytes)) /
      gb;
    const probeGbSeconds =
      ((probeInvocations * m.probeInvocationBaseMs +
        probeInvocations * 2 * m.probeTargetMs +
        probes * m.probeCpuMsPerProbe) /
        1000) *
      (m.probeMemoryMb / 1024);
    const evaluateGbSeconds =
      ((evaluateInvocations * m.evaluateInvocationBaseMs + checkBatches * m.evaluateMsPerCheckBatch) / 1000) *
      (m.homeFunctionMemoryMb / 1024);
    const sweepGbSeconds =
      ((sweepInvocations * m.sweepInvocationBaseMs +
        checks * minutes * (m.sweepMsPerCheck + 6 * m.sweepMsPerSloBoundary)) /
        1000) *
      (m.homeFunctionMemoryMb / 1024);
    const invocations = probeInvocations + evaluateInvocations + sweepInvocations;
    const logsGb =
      (probes * m.resultLogLineBytes +
        invocations * (m.platformLogBytesPerInvocation + m.handlerLogBytesPerInvocation)) /
      gb;
    const snsPublishes = checks * m.alertEventsPerCheckMonth;
    const byHand = {
      // Availability and Latency per check; Lookout's own series only while a probe region skips probes (none here).
      'Custom metric series': checks * 2 * 0.3,
      // One per evaluate invocation; the probe's own metrics are EMF log lines.
      'PutMetricData calls': (evaluateInvocations * 0.01) / 1000,
      Alarms: (8 + 5 * regions) * 0.1,
      Dashboards: m.dashboards * 3,
      'Write request units': (writes * 0.625) / 1e6,
      'Read request units': ((evaluateReads + sweepReads) * 0.125) / 1e6,
      Storage: storedGb * 0.25,
      'Point-in-time recovery': storedGb * 0.2,
      'Probe compute': probeGbSeconds * 0.0000133334,
      'Evaluate compute': evaluateGbSeconds * 0.0000133334,
      'Sweep compute': sweepGbSeconds * 0.0000133334,
      Requests: (invocations * 0.2) / 1e6 + ((snsPublishes + (regions + 2) * 12 * 720) * 0.03) / 10_000,
      Ingestion: logsGb * 0.5,
      'Customer managed key': 1,
      Invocations: ((regions + 1) * minutes * 1) / 1e6,
      Publishes: (snsPublishes * 0.5) / 1e6,
      'Between regions': ((checks * 2 * minutes * m.resultWriteWireBytes) / gb) * 0.02,
    };
    // Two lines are named Requests (Lambda and KMS), and two Storage (DynamoDB and Logs).
    const requests = estimate.lines.filter((line) => line.item === 'Requests');
    expect(requests.reduce((total, line) => total + line.usd, 0)).toBeCloseTo(byHand.Requests, 6);
    const logStorage = estimate.lines.find(
      (line) => line.service === 'CloudWatch Logs' && line.item === 'Storage',
    );
    expect(logStorage?.usd).toBeCloseTo(logsGb * 0.03, 6);
    const dynamoStorage = estimate.lines.find(
      (line) => line.service === 'DynamoDB' && line.item === 'Storage',
    );
    expect(dynamoStorage?.usd).toBeCloseTo(byHand.Storage, 6);
    for (const [item, usd] of Object.entries(byHand)) {
      if (item === 'Requests' || item === 'Storage') continue;
      expect(usdOf(estimate, item), item).toBeCloseTo(usd, 6);
    }
    const total = Object.values(byHand).reduce((sum, usd) => sum + usd, 0) + logsGb * 0.03;
    expect(estimate.totalUsd).toBeCloseTo(total, 6);
    expect(estimate.totalUsd).toBeLessThanOrEqual(100);
    expect(estimate.usdPerCheckMonth).toBeLessThanOrEqual(1);
    expect(estimate.usage).toMatchObject({
      probes,
      probeInvocations: { scheduled: probeInvocations, queued: 0 },
      evaluateInvocations,
      evaluateCheckBatches: checkBatches,
      sweepInvocations,
      metricSeries: { checks: 200, lookout: 0 },
    });
  });
});

describe('metrics options in the estimate', () => {
  const base = estimateCost(standardScenario());
  const cases: { options: MetricsOptions; series: number; sweepCalls: number }[] = [
    // Availability and Latency again per region: 2 × 3 per check.
    { options: { perRegion: true }, series: 100 * 2 * 3, sweepCalls: 0 },
    // Five phases of an HTTPS check.
    { options: { phases: true }, series: 100 * 5, sweepCalls: 0 },
    { options: { certificate: true }, series: 100, sweepCalls: 0 },
    // Two objectives each, published by the sweep once a minute.
    { options: { sloBudget: true }, series: 100 * 2, sweepCalls: minutes },
  ];
  it.each(cases)('$options adds exactly its series at 30 cents each', ({ options, series, sweepCalls }) => {
    const richer = estimateCost(standardScenario(options));
    const seriesUsd = usdOf(richer, 'Custom metric series') - usdOf(base, 'Custom metric series');
    expect(
      lineOf(richer, 'Custom metric series').quantity - lineOf(base, 'Custom metric series').quantity,
    ).toBe(series);
    expect(seriesUsd).toBeCloseTo(series * 0.3, 9);
    const callsUsd = usdOf(richer, 'PutMetricData calls') - usdOf(base, 'PutMetricData calls');
    expect(callsUsd).toBeCloseTo((sweepCalls * 0.01) / 1000, 9);
    expect(richer.totalUsd - base.totalUsd).toBeCloseTo(series * 0.3 + (sweepCalls * 0.01) / 1000, 9);
  });
});

describe('estimateCost counts', () => {
  it('prices series past 10,000 at the next tier', () => {
    // 400 checks × 8 metrics × (1 + 3 regions) = 12,800 series; none of Lookout's own while no probe is skipped.
    const estimate = estimateCost(
      deployed(httpsChecks(400), { metrics: { perRegion: true, phases: true, certificate: true } }),
    );
    const series = estimate.lines.filter((line) => line.item.startsWith('Custom metric series'));
    expect(series.map((line) => [line.quantity, line.price.usd])).toEqual([
      [10_000, 0.3],
      [2_800, 0.1],
    ]);
  });

  it('runs each later sub-minute round in its own invocation, and writes one counter a minute', () => {
    const checks = 10;
    const estimate = estimateCost(
      deployed(httpsChecks(checks, { interval: '10s' }), { regions: ['us-east-1'] }),
    );
    expect(estimate.usage.probes).toBe(checks * 6 * minutes);
    expect(estimate.usage.probeInvocations).toEqual({ scheduled: minutes, queued: 5 * minutes });
    expect(estimate.usage.writeUnits.counters).toBe(checks * minutes);
    // One SendMessageBatch a minute, a receive and a delete per round, and Lambda's idle polling.
    expect(lineOf(estimate, 'Requests').service).toBe('Lambda');
    const sqs = estimate.lines.find((line) => line.service === 'SQS');
    expect(sqs?.quantity).toBe(minutes + 2 * 5 * minutes + m.sqsIdlePollRequestsPerMinute * minutes);
  });

  it('gives a 10 s check about six times the probe Lambda time of a 1-minute check (in one shard)', () => {
    const everyMinute = estimateCost(deployed(httpsChecks(10)));
    const every10s = estimateCost(deployed(httpsChecks(10, { interval: '10s' })));
    expect(every10s.usage.probeInvocations.scheduled).toBe(3 * minutes);
    const ratio = every10s.usage.gbSeconds.probe / everyMinute.usage.gbSeconds.probe;
    expect(ratio).toBeGreaterThan(5);
    expect(ratio).toBeLessThan(7);
  });

  it('bills the series of a check that runs less often than hourly only for the hours it publishes in', () => {
    const estimate = estimateCost(deployed(httpsChecks(24, { interval: '1d' })));
    expect(estimate.usage.metricSeries.checks).toBeCloseTo((24 * 2) / 24, 9);
    expect(estimate.usage.probes).toBeCloseTo(24 * 3 * 30, 9);
  });

  it('prices the fixed part alone for a monitor whose only check runs on developer machines', () => {
    const estimate = estimateCost(deployed(httpsChecks(1, { regions: ['local'] })));
    expect(estimate.checks).toBe(0);
    expect(estimate.usdPerCheckMonth).toBeUndefined();
    expect(lineOf(estimate, 'Alarms').quantity).toBe(8 + 5 * 3);
    // Lookout publishes no series of its own while healthy: no metric line at all.
    expect(estimate.lines.some((line) => line.item.startsWith('Custom metric series'))).toBe(false);
    expect(estimate.lines.some((line) => line.item === 'Write request units')).toBe(false);
  });

  it('adds email deliveries per subscribed address', () => {
    const estimate = estimateCost(deployed(httpsChecks(10), { email: ['a@example.com', 'b@example.com'] }));
    expect(lineOf(estimate, 'Email deliveries').quantity).toBe(10 * m.alertEventsPerCheckMonth * 2);
    expect(lineOf(estimate, 'Email deliveries').price).toBe(awsPrices.snsEmailDelivery);
  });
});

describe('heartbeats and chat', () => {
  const heartbeats = (count: number, period: Duration) =>
    Array.from({ length: count }, (_, index) =>
      heartbeat({
        id: `job-${index}`,
        period,
        grace: '1m',
        token: secret(`/lookout/heartbeat/job-${index}`),
      }),
    );

  it('prices a heartbeat per ping: a write, a read, a ping and an evaluate invocation, no probe', () => {
    const probedOnly = estimateCost(deployed(httpsChecks(10)));
    const withJobs = estimateCost(deployed([...httpsChecks(10), ...heartbeats(4, '5m')]));
    const pings = ((4 * minutes) / 5) * m.pingsPerHeartbeatPeriod;
    const added = (read: (estimate: CostEstimate) => number) => read(withJobs) - read(probedOnly);

    expect(withJobs.usage.pings).toBe(pings);
    expect(added((e) => e.usage.probes)).toBe(0);
    expect(added((e) => e.usage.writeUnits.results)).toBe(0);
    expect(withJobs.usage.writeUnits.pings).toBe(pings * Math.ceil(m.pingResultItemBytes / 1024));
    expect(withJobs.usage.readUnits.pings).toBe(pings * m.pingReadUnits);
    // Each ping is one ping invocation and, through the stream, one evaluate batch of its own.
    expect(added((e) => e.usage.evaluateInvocations)).toBe(pings);
    expect(withJobs.usage.gbSeconds.ping).toBeCloseTo(
      ((pings * m.pingInvocationMs) / 1000) * (256 / 1024),
      6,
    );
    expect(added((e) => lineOf(e, 'Requests').quantity)).toBe(2 * pings);
    expect(added((e) => lineOf(e, 'Alarms').quantity)).toBe(m.alarmsPerPingFunction);
    // A ping is written in the home region: no transfer between regions, no probe log line.
    expect(added((e) => e.usage.interRegionGb)).toBe(0);
    // The anchors price probes: heartbeats have none.
    expect(withJobs.anchors).toEqual(probedOnly.anchors);
  });

  it('costs a daily job well under a cent a month besides its metric series', () => {
    const probedOnly = estimateCost(deployed(httpsChecks(10)));
    const withJob = estimateCost(deployed([...httpsChecks(10), ...heartbeats(1, '1d')]));
    const seriesUsd = (2 * awsPrices.cloudWatchMetricMonth.usd) / 24;
    const alarmsUsd =
      (m.alarmsPerPingFunction * awsPrices.cloudWatchAlarmMonth.usd) / awsPrices.cloudWatchAlarmMonth.per;
    expect(withJob.usage.pings).toBe(30);
    expect(withJob.totalUsd - probedOnly.totalUsd - alarmsUsd).toBeGreaterThan(0);
    expect(withJob.totalUsd - probedOnly.totalUsd - alarmsUsd - seriesUsd).toBeLessThan(0.1);
  });

  it('publishes each notification to the chat topic too, delivered to Amazon Q over HTTPS', () => {
    const plain = estimateCost(deployed(httpsChecks(10)));
    const chat = estimateCost(deployed(httpsChecks(10), { chat: true }));
    const notifications = 10 * m.alertEventsPerCheckMonth;
    expect(plain.usage.snsPublishes).toEqual({ alerts: notifications, chat: 0 });
    expect(chat.usage.snsPublishes).toEqual({ alerts: notifications, chat: notifications });
    expect(lineOf(chat, 'Publishes').quantity).toBe(2 * notifications);
    expect(lineOf(chat, 'Chat deliveries').quantity).toBe(notifications);
    expect(lineOf(chat, 'Chat deliveries').price).toBe(awsPrices.snsHttpDelivery);
    expect(plain.lines.some((line) => line.item === 'Chat deliveries')).toBe(false);
    expect(chat.usage.kmsRequests - plain.usage.kmsRequests).toBe(notifications * m.kmsRequestsPerSnsPublish);
  });
});

describe('the anchors', () => {
  it('price the standard scenario with CloudWatch Synthetics, Checkly and Route 53', () => {
    const { anchors } = estimateCost(standardScenario());
    const runs = 100 * 3 * minutes;
    expect(anchors.map((anchor) => [anchor.name, anchor.usd])).toEqual([
      ['CloudWatch Synthetics', expect.closeTo(runs * anchorPrices.syntheticsCanaryRun.usd, 6)],
      ['Checkly API checks', expect.closeTo((runs / 10_000) * 2, 6)],
      // HTTPS and latency measurement on each health check.
      ['Route 53 health checks', expect.closeTo(100 * (0.75 + 2 * 2), 6)],
    ]);
    expect(anchors[0]?.usd).toBeCloseTo(15_552, 6);
    expect(anchors[1]?.usd).toBeCloseTo(2_592, 6);
  });
});
