import { describe, expect, it } from 'vitest';
import { eventsOf, oneCheckMonitor, recordingNotifier, Scenario, scenarioStartMs } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();

const iso = (ms: number) => new Date(ms).toISOString();

describe('maintenance windows', () => {
  it('silence notifications and keep the probes out of the SLO; what is still open afterwards is sent once', async () => {
    const notifier = recordingNotifier();
    const windowEndMs = scenarioStartMs + 10 * 60_000;
    const run = new Scenario(
      oneCheckMonitor(
        { slo: { availability: 99.9 } },
        { maintenance: [{ start: iso(scenarioStartMs), end: iso(windowEndMs), reason: 'database upgrade' }] },
      ),
      { endpoint: db.endpoint, tableName: db.tableName, notifier },
    );
    for (let round = 0; round < 10; round += 1) {
      await run.sweep();
      await run.round('orders-api', () => 'fail');
    }
    expect(notifier.sent).toEqual([]);
    const history = await run.store.recentEvents('orders-api', 10);
    expect(
      history.some((event) => event.kind === 'outage' && event.type === 'opened' && event.silenced),
    ).toBe(true);
    // The rounds of the window were counted (closed), but none of their probes.
    const during = await run.store.counterAtOrBefore('orders-api', windowEndMs);
    expect(during?.countedThroughRoundAtMs).toBeGreaterThanOrEqual(windowEndMs - 3 * 60_000);
    expect(during?.total).toBe(0);
    expect(run.nowMs).toBe(windowEndMs);
    await run.round('orders-api', () => 'fail');
    await run.sweep();
    await run.sweep();
    const opened = eventsOf(notifier.sent, 'outage', 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.silenced).toBeUndefined();
    const after = await run.store.counterAtOrBefore('orders-api', Number.POSITIVE_INFINITY);
    expect(after?.total).toBe(3);
  });

  it('an outage that opens and resolves inside the window is never sent', async () => {
    const notifier = recordingNotifier();
    const run = new Scenario(
      oneCheckMonitor(
        {},
        { maintenance: [{ start: iso(scenarioStartMs), end: iso(scenarioStartMs + 3_600_000) }] },
      ),
      { endpoint: db.endpoint, tableName: db.tableName, notifier },
    );
    for (let round = 0; round < 4; round += 1) await run.round('orders-api', () => 'fail');
    while (run.nowMs < scenarioStartMs + 3_700_000) {
      await run.round('orders-api', () => 'ok');
      await run.sweep();
    }
    expect(notifier.sent).toEqual([]);
    const history = await run.store.recentEvents('orders-api', 10);
    expect(history.map((event) => `${event.type}:${event.silenced}`)).toEqual([
      'resolved:true',
      'opened:true',
    ]);
  });
});

describe('concurrent evaluators', () => {
  it('three evaluators processing the same transitions send exactly one notification per transition', async () => {
    const notifier = recordingNotifier();
    const run = new Scenario(oneCheckMonitor(), {
      endpoint: db.endpoint,
      tableName: db.tableName,
      notifier,
    });
    await run.round('orders-api', () => 'ok', { evaluators: 3 });
    for (let round = 0; round < 4; round += 1) {
      await run.round('orders-api', () => 'fail', { evaluators: 3 });
      await run.sweep(3);
    }
    for (let round = 0; round < 4; round += 1) {
      await run.round('orders-api', () => 'ok', { evaluators: 3 });
      await run.sweep(3);
    }
    expect(notifier.sent.map((event) => `${event.kind}:${event.type}`)).toEqual([
      'outage:opened',
      'outage:resolved',
    ]);
  });

  it('a refused notification stays queued and is sent once by a later run, never twice', async () => {
    const notifier = recordingNotifier();
    const run = new Scenario(oneCheckMonitor(), {
      endpoint: db.endpoint,
      tableName: db.tableName,
      notifier,
    });
    notifier.refuseNext(3);
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', () => 'fail');
    expect(notifier.sent).toEqual([]);
    await run.sweep(3);
    await run.sweep(3);
    expect(eventsOf(notifier.sent, 'outage', 'opened')).toHaveLength(1);
    const [state] = (await run.store.alertStates('orders-api')).filter((alert) => alert.kind === 'outage');
    expect(state?.outbox).toEqual([]);
    expect(state?.notifiedStatus).toBe('firing');
  });

  it('concurrent sweeps count every probe once, a late one too (in the counter after its round closed)', async () => {
    const run = new Scenario(oneCheckMonitor({ slo: { availability: 99.9 } }), {
      endpoint: db.endpoint,
      tableName: db.tableName,
    });
    await run.round('orders-api', () => 'ok');
    const lateRoundMs = run.nowMs;
    const [late] = run.results('orders-api', (region) => (region === 'eu-west-1' ? 'fail' : 'skip'));
    await run.round('orders-api', (region) => (region === 'eu-west-1' ? 'skip' : 'ok'));
    await run.sweep(3);
    const before = await run.store.counterAtOrBefore('orders-api', Number.POSITIVE_INFINITY);
    expect(before).toMatchObject({ total: 5, countedThroughRoundAtMs: lateRoundMs });
    // eu-west-1's result of that round arrives 70 s late, after its round was counted.
    if (late === undefined) throw new Error('no late result');
    await run.store.putResults(
      [{ ...late, result: { ...late.result, startedAt: new Date(lateRoundMs + 70_000).toISOString() } }],
      run.monitor.retentionMs,
    );
    for (let round = 0; round < 3; round += 1) {
      await run.round('orders-api', () => 'ok');
      await run.sweep(3);
      await run.sweep(2);
    }
    const after = await run.store.counterAtOrBefore('orders-api', Number.POSITIVE_INFINITY);
    expect(after).toMatchObject({ total: 15, availabilityGood: 14, partialRounds: [] });
  });
});
