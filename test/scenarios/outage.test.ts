import { describe, expect, it } from 'vitest';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import { roundsLookbackMs } from '../../functions/runtime/evaluate-rounds';
import { eventsOf, oneCheckMonitor, recordingNotifier, Scenario } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();

async function scenario(extra: Record<string, unknown> = {}) {
  const notifier = recordingNotifier();
  const run = new Scenario(oneCheckMonitor(extra), {
    endpoint: db.endpoint,
    tableName: db.tableName,
    notifier,
  });
  return { run, notifier };
}

describe('outage alerts', () => {
  it('a hard outage in 3 of 3 regions opens exactly one DOWN within two rounds, and one RESOLVED after recovery', async () => {
    const { run, notifier } = await scenario();
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', () => 'ok');
    await run.round('orders-api', () => 'fail');
    expect(eventsOf(notifier.sent, 'outage')).toHaveLength(0);
    const secondFailedRoundMs = run.nowMs;
    await run.round('orders-api', () => 'fail');
    const opened = eventsOf(notifier.sent, 'outage', 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.at).toBe(new Date(secondFailedRoundMs).toISOString());
    expect(opened[0]?.regions).toEqual(['ap-southeast-2', 'eu-west-1', 'us-east-1']);
    expect(opened[0]?.summary).toContain('down in 3 of 3 regions');
    expect(opened[0]?.lastFailure?.code).toBe('CONNECT_TIMEOUT');
    for (let round = 0; round < 5; round += 1) await run.round('orders-api', () => 'fail');
    await run.sweep();
    expect(eventsOf(notifier.sent, 'outage')).toHaveLength(1);
    await run.round('orders-api', () => 'ok');
    expect(eventsOf(notifier.sent, 'outage', 'resolved')).toHaveLength(0);
    await run.round('orders-api', () => 'ok');
    const resolved = eventsOf(notifier.sent, 'outage', 'resolved');
    expect(resolved).toHaveLength(1);
    expect(resolved[0]?.since).toBe(opened[0]?.since);
    for (let round = 0; round < 5; round += 1) await run.round('orders-api', () => 'ok');
    await run.sweep();
    expect(eventsOf(notifier.sent, 'outage').map((event) => event.type)).toEqual(['opened', 'resolved']);
    expect(new Set(notifier.sent.map((event) => event.id)).size).toBe(notifier.sent.length);
  });

  it('one region failing alone (below the majority) notifies nothing', async () => {
    const { run, notifier } = await scenario();
    for (let round = 0; round < 20; round += 1) {
      await run.round('orders-api', (region) => (region === 'eu-west-1' ? 'fail' : 'ok'));
    }
    await run.sweep();
    expect(notifier.sent).toEqual([]);
  });

  it('two of three regions failing is an outage with the default majority', async () => {
    const { run, notifier } = await scenario();
    for (let round = 0; round < 3; round += 1) {
      await run.round('orders-api', (region) => (region === 'us-east-1' ? 'ok' : 'fail'));
    }
    expect(eventsOf(notifier.sent, 'outage', 'opened')[0]?.regions).toEqual(['ap-southeast-2', 'eu-west-1']);
  });

  it('a round is judged once it closes, without waiting for a region that never reports', async () => {
    const { run, notifier } = await scenario();
    await run.round('orders-api', (region) => (region === 'ap-southeast-2' ? 'skip' : 'fail'), {
      advanceMs: 0,
    });
    expect(notifier.sent).toEqual([]);
    run.nowMs += 60_000;
    await run.round('orders-api', (region) => (region === 'ap-southeast-2' ? 'skip' : 'fail'));
    expect(eventsOf(notifier.sent, 'outage', 'opened')).toHaveLength(1);
  });

  it('a flapping target does not notify on every flap, and says it is flapping', async () => {
    const { run, notifier } = await scenario();
    let flaps = 0;
    for (let cycle = 0; cycle < 30; cycle += 1) {
      const outcome = cycle % 2 === 0 ? 'fail' : 'ok';
      await run.round('orders-api', () => outcome);
      await run.round('orders-api', () => outcome);
      flaps += 1;
    }
    await run.sweep();
    const outage = eventsOf(notifier.sent, 'outage');
    expect(flaps).toBe(30);
    expect(outage.length).toBeLessThanOrEqual(4);
    expect(outage.at(-1)?.summary).toContain('flapping');
  });

  it('a target that fails every other round never opens an outage (two failed rounds in a row are needed)', async () => {
    const { run, notifier } = await scenario();
    for (let round = 0; round < 40; round += 1)
      await run.round('orders-api', () => (round % 2 === 0 ? 'fail' : 'ok'));
    expect(eventsOf(notifier.sent, 'outage')).toEqual([]);
  });

  it('degraded latency opens a warning, not a page, and resolves', async () => {
    const { run, notifier } = await scenario({ degradedLatency: '1s' });
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', () => 'slow');
    const opened = eventsOf(notifier.sent, 'degraded', 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.severity).toBe('warning');
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', () => 'ok');
    expect(eventsOf(notifier.sent, 'degraded', 'resolved')).toHaveLength(1);
    expect(eventsOf(notifier.sent, 'outage')).toEqual([]);
  });

  it('a region that stops reporting opens one probe-missing alert, resolved when it reports again', async () => {
    const { run, notifier } = await scenario();
    for (let round = 0; round < 2; round += 1) await run.round('orders-api', () => 'ok');
    for (let round = 0; round < 5; round += 1) {
      await run.round('orders-api', (region) => (region === 'eu-west-1' ? 'skip' : 'ok'));
      await run.sweep();
    }
    const missing = eventsOf(notifier.sent, 'probe-missing', 'opened');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.regions).toEqual(['eu-west-1']);
    await run.round('orders-api', () => 'ok');
    await run.sweep();
    expect(eventsOf(notifier.sent, 'probe-missing', 'resolved')).toHaveLength(1);
    expect(eventsOf(notifier.sent, 'outage')).toEqual([]);
  });

  it('reminds while an outage stays open, every remindEvery, and stops once it resolves', async () => {
    const { run, notifier } = await scenario({ alert: { remindEvery: '30m' } });
    for (let round = 0; round < 75; round += 1) {
      await run.round('orders-api', () => 'fail');
      await run.sweep();
    }
    const types = eventsOf(notifier.sent, 'outage').map((event) => event.type);
    expect(types).toEqual(['opened', 'reminder', 'reminder']);
    const [opened, firstReminder] = eventsOf(notifier.sent, 'outage');
    expect(Date.parse(firstReminder?.at ?? '') - Date.parse(opened?.at ?? '')).toBe(30 * 60_000);
    expect(firstReminder?.since).toBe(opened?.since);
    for (let round = 0; round < 40; round += 1) {
      await run.round('orders-api', () => 'ok');
      await run.sweep();
    }
    expect(eventsOf(notifier.sent, 'outage').map((event) => event.type)).toEqual([
      'opened',
      'reminder',
      'reminder',
      'resolved',
    ]);
  });

  it('reads back only the rounds its alerts have yet to count, whatever alerts the check lacks', async () => {
    const { run } = await scenario();
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', () => 'ok');
    const failedRoundMs = run.nowMs;
    await run.round('orders-api', () => 'fail');
    // The check has no degraded alert: its never-counted rounds must not pull the read back.
    const reads: number[] = [];
    const deps = run.deps();
    const results = run.results('orders-api', () => 'ok');
    await run.store.putResults(results, run.monitor.retentionMs);
    await evaluateNewResults(
      {
        ...deps,
        store: {
          ...deps.store,
          resultsSince: (checkId, fromRoundAtMs) => {
            reads.push(fromRoundAtMs);
            return deps.store.resultsSince(checkId, fromRoundAtMs);
          },
        },
      },
      results,
    );
    expect(reads).toEqual([failedRoundMs + 1]);
    expect(reads[0]).toBeGreaterThan(run.nowMs - roundsLookbackMs(run.check('orders-api')));
  });

  it('writes no alert state while a check keeps passing (an ok alert with no failed round is left as it is)', async () => {
    const { run } = await scenario({ degradedLatency: '1s' });
    const saved: string[] = [];
    const deps = run.deps();
    const counting = {
      ...deps,
      store: {
        ...deps.store,
        saveAlertState: (state: Parameters<typeof deps.store.saveAlertState>[0]) => {
          saved.push(state.key);
          return deps.store.saveAlertState(state);
        },
      },
    };
    for (let round = 0; round < 5; round += 1) {
      const results = run.results('orders-api', () => 'ok');
      await run.store.putResults(results, run.monitor.retentionMs);
      for (const stored of results) await evaluateNewResults(counting, [stored]);
      run.nowMs += 60_000;
    }
    expect(saved).toEqual([]);
    const failing = run.results('orders-api', () => 'fail');
    await run.store.putResults(failing, run.monitor.retentionMs);
    await evaluateNewResults(counting, failing);
    expect(saved).toEqual(['outage']);
  });
});
