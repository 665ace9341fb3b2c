import { afterEach, describe, expect, it } from 'vitest';
import { type StatusServer, startStatusServer } from '../../functions/cli/status-server';
import { heartbeat } from '../../functions/core/declare/check-builders';
import { maximumPingBodyBytes } from '../../functions/core/declare/defaults';
import { secret } from '../../functions/core/declare/secret';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import { PingRateLimiter, recordPing } from '../../functions/runtime/record-ping';
import { eventsOf, recordingNotifier, Scenario } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
let server: StatusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve() {
  const notifier = recordingNotifier();
  const run = new Scenario(
    {
      homeRegion: 'us-east-1',
      checks: [
        heartbeat({ id: 'nightly-backup', period: '1d', token: secret('/lookout/heartbeat/nightly-backup') }),
      ],
    },
    { endpoint: db.endpoint, tableName: db.tableName, notifier },
  );
  server = await startStatusServer(0, () => Promise.reject(new Error('no page in this test')), {
    ping: (request) =>
      recordPing(
        {
          monitor: run.monitor,
          store: run.store,
          resolveSecret: async () => 's3cret',
          limiter: new PingRateLimiter(),
          now: () => run.nowMs,
          onRecorded: async (results) => {
            await evaluateNewResults(run.deps(), results);
          },
        },
        request,
      ),
  });
  const url = server.url;
  const stored = () => run.store.resultsSince('nightly-backup', 0);
  return { run, notifier, url, stored };
}

describe('the local ping endpoint of lookout run (127.0.0.1)', () => {
  it('records GET and POST pings with the right token; a wrong token or unknown check gets 404 and nothing', async () => {
    const { url, stored, run } = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/ping/nightly-backup/wrong`)).status).toBe(404);
    expect((await fetch(`${url}/ping/other-job/s3cret`)).status).toBe(404);
    expect(await stored()).toHaveLength(0);
    const ok = await fetch(`${url}/ping/nightly-backup/s3cret`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('OK\n');
    run.nowMs += 1_000;
    expect((await fetch(`${url}/ping/nightly-backup/s3cret`, { method: 'POST', body: 'done' })).status).toBe(
      200,
    );
    expect(await stored()).toHaveLength(2);
  });

  it('/fail with the job output opens the outage at once', async () => {
    const { url, notifier } = await serve();
    const answer = await fetch(`${url}/ping/nightly-backup/s3cret/fail`, {
      method: 'POST',
      body: 'disk full',
    });
    expect(answer.status).toBe(200);
    const opened = eventsOf(notifier.sent, 'outage', 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.lastFailure?.message).toContain('disk full');
  });

  it('a body over the limit gets 413 and records nothing', async () => {
    const { url, stored } = await serve();
    const answer = await fetch(`${url}/ping/nightly-backup/s3cret/fail`, {
      method: 'POST',
      body: 'x'.repeat(maximumPingBodyBytes + 1),
    });
    expect(answer.status).toBe(413);
    expect(await stored()).toHaveLength(0);
  });
});
