import { describe, expect, it } from 'vitest';
import { heartbeat } from '../../functions/core/declare/check-builders';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import { hourMs, minuteMs } from '../../functions/core/declare/duration';
import { secret } from '../../functions/core/declare/secret';
import { pingStartRegion } from '../../functions/core/heartbeat/ping';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import { type PingDeps, PingRateLimiter, recordPing } from '../../functions/runtime/record-ping';
import { eventsOf, recordingNotifier, Scenario } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
const token = 'b7f1c0d2-token';
const dayMs = 24 * hourMs;

function monitor(extra: Record<string, unknown> = {}): MonitorDeclaration {
  return {
    homeRegion: 'us-east-1',
    regions: ['us-east-1'],
    checks: [
      heartbeat({
        id: 'nightly-backup',
        period: '1d',
        grace: '1h',
        token: secret('/lookout/heartbeat/nightly-backup'),
        ...extra,
      }),
    ],
  };
}

function setUp(extra: Record<string, unknown> = {}) {
  const notifier = recordingNotifier();
  const run = new Scenario(monitor(extra), { endpoint: db.endpoint, tableName: db.tableName, notifier });
  const deps: PingDeps = {
    monitor: run.monitor,
    store: run.store,
    resolveSecret: async (ref) => {
      expect(ref.ref).toBe('/lookout/heartbeat/nightly-backup');
      return token;
    },
    limiter: new PingRateLimiter(),
    now: () => run.nowMs,
    onRecorded: async (results) => {
      await evaluateNewResults(run.deps(), results);
    },
  };
  const ping = (suffix = '', body = '', pathToken = token) =>
    recordPing(deps, {
      path: `/ping/nightly-backup/${pathToken}${suffix}`,
      bodyBytes: Buffer.byteLength(body),
      body,
    });
  const stored = () => run.store.resultsSince('nightly-backup', 0);
  return { run, notifier, ping, stored, deps };
}

describe('heartbeat monitors', () => {
  it('a ping with the right token is a result from region ping; a wrong token gets 404 and records nothing', async () => {
    const { ping, stored } = setUp();
    expect((await ping('', '', 'wrong-token')).status).toBe(404);
    expect(await stored()).toHaveLength(0);
    const answer = await ping();
    expect(answer.status).toBe(200);
    const results = await stored();
    expect(results).toHaveLength(1);
    expect(results[0]?.result).toMatchObject({ checkId: 'nightly-backup', region: 'ping', ok: true });
  });

  it('/fail opens the outage at once with the job output, and the next success resolves it', async () => {
    const { run, notifier, ping } = setUp();
    await ping();
    run.nowMs += dayMs;
    await ping('/fail', 'pg_dump: error: connection to server failed\n');
    const opened = eventsOf(notifier.sent, 'outage', 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.lastFailure?.code).toBe('HEARTBEAT_FAILED');
    expect(opened[0]?.lastFailure?.message).toContain('pg_dump: error: connection to server failed');
    run.nowMs += hourMs;
    await ping();
    expect(eventsOf(notifier.sent, 'outage', 'resolved')).toHaveLength(1);
  });

  it('a long /fail body is kept only to 1,000 characters, and says so', async () => {
    const { ping, stored } = setUp();
    await ping('/fail', 'x'.repeat(5_000));
    const message = (await stored())[0]?.result.error?.message ?? '';
    expect(message.length).toBeLessThan(1_100);
    expect(message).toContain('4000 more characters not kept');
  });

  it('the sweep opens the outage once period + grace pass without a ping, saying when the last one came', async () => {
    const { run, notifier, ping, stored } = setUp();
    const lastPingMs = run.nowMs;
    await ping();
    run.nowMs = lastPingMs + dayMs + hourMs - minuteMs;
    await run.sweep();
    expect(eventsOf(notifier.sent, 'outage')).toHaveLength(0);
    run.nowMs = lastPingMs + dayMs + hourMs + minuteMs;
    await run.sweep();
    const opened = eventsOf(notifier.sent, 'outage', 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.lastFailure?.code).toBe('HEARTBEAT_MISSED');
    expect(opened[0]?.lastFailure?.message).toContain(
      `the last ping came at ${new Date(lastPingMs).toISOString()}`,
    );
    // Later sweeps in the same period write nothing more; the next period's miss carries the last ping forward.
    run.nowMs += minuteMs;
    await run.sweep();
    expect((await stored()).filter((s) => s.result.error?.code === 'HEARTBEAT_MISSED')).toHaveLength(1);
    run.nowMs = lastPingMs + 2 * dayMs + hourMs + minuteMs;
    await run.sweep();
    const missed = (await stored()).filter((s) => s.result.error?.code === 'HEARTBEAT_MISSED');
    expect(missed).toHaveLength(2);
    expect(missed[1]?.result.error?.message).toContain(new Date(lastPingMs).toISOString());
    expect(eventsOf(notifier.sent, 'outage', 'opened')).toHaveLength(1);
    run.nowMs += minuteMs;
    await ping();
    expect(eventsOf(notifier.sent, 'outage', 'resolved')).toHaveLength(1);
  });

  it('a heartbeat that never pinged is not missed (it starts with its first ping)', async () => {
    const { run, notifier, stored } = setUp();
    run.nowMs += 3 * dayMs;
    await run.sweep();
    expect(await stored()).toHaveLength(0);
    expect(notifier.sent).toHaveLength(0);
  });

  it('/start then success records the run time as latency, degraded above degradedLatency', async () => {
    const { run, ping, stored } = setUp({ degradedLatency: '10m' });
    expect((await ping('/start')).status).toBe(200);
    run.nowMs += 25 * minuteMs;
    const answer = await ping();
    expect(answer.recorded?.result.totalMs).toBe(25 * minuteMs);
    expect(answer.recorded?.result.degraded).toBe(true);
    const results = await stored();
    expect(results.map((s) => s.result.region).sort()).toEqual(['ping', pingStartRegion]);
    // A success without a new start has no run time.
    run.nowMs += dayMs;
    expect((await ping()).recorded?.result.totalMs).toBe(0);
  });

  it('pings over the per-check rate get 429 and record nothing', async () => {
    const { deps, ping, stored } = setUp();
    deps.limiter = new PingRateLimiter(3, minuteMs);
    const statuses = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await ping()).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await stored()).length).toBeLessThanOrEqual(3);
  });
});
