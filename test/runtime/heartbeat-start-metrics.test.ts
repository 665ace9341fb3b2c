import { describe, expect, it } from 'vitest';
import { heartbeat } from '../../functions/core/declare/check-builders';
import { minuteMs } from '../../functions/core/declare/duration';
import { secret } from '../../functions/core/declare/secret';
import { pingStartRegion } from '../../functions/core/heartbeat/ping';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import { PingRateLimiter, recordPing } from '../../functions/runtime/record-ping';
import { recordingMetrics, Scenario } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
const token = 'c41d-start-metrics-token';

describe('metrics of heartbeat results', () => {
  it('a /start publishes no Availability or Latency datum; the success that ends the run does, with its run time', async () => {
    const metrics = recordingMetrics();
    const run = new Scenario(
      {
        homeRegion: 'us-east-1',
        regions: ['us-east-1'],
        checks: [
          heartbeat({ id: 'nightly-backup', period: '1d', grace: '1h', token: secret('/hb/nightly') }),
        ],
      },
      { endpoint: db.endpoint, tableName: db.tableName, metrics },
    );
    const deps = {
      monitor: run.monitor,
      store: run.store,
      resolveSecret: async () => token,
      limiter: new PingRateLimiter(),
      now: () => run.nowMs,
      onRecorded: async (results: Parameters<typeof evaluateNewResults>[1]) => {
        await evaluateNewResults(run.deps(), results);
      },
    };
    const ping = (suffix: string) =>
      recordPing(deps, { path: `/ping/nightly-backup/${token}${suffix}`, bodyBytes: 0, body: '' });

    const started = await ping('/start');
    expect(started.recorded?.result.region).toBe(pingStartRegion);
    expect(metrics.datums).toEqual([]);

    run.nowMs += 3 * minuteMs;
    expect((await ping('')).status).toBe(200);
    const names = metrics.datums.map((datum) => datum.name).sort();
    expect(names).toEqual(['Availability', 'Latency']);
    const latency = metrics.datums.find((datum) => datum.name === 'Latency');
    expect(latency?.values).toEqual([3 * minuteMs]);
  });
});
