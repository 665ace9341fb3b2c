import { CreateBucketCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createS3Client,
  createS3StatusPagePublisher,
} from '../../functions/adapters/status-page/s3-publisher';
import { minuteMs } from '../../functions/core/declare/duration';
import { createSweepHandler } from '../../functions/handlers/sweep-handler';
import { StatusPageRefresher } from '../../functions/runtime/refresh-status-page';
import { externalTool } from '../support/external-tool';
import { type MotoServer, startMotoServer } from '../support/moto-server';
import { oneCheckMonitor, Scenario } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

/** moto_server (Python, preinstalled on this project's machines): skipped where missing, required under CI. */
const moto = externalTool('moto_server');
const db = useDynamo();

let server: MotoServer;
let client: S3Client;
beforeAll(async () => {
  if (!moto.available) return;
  server = await startMotoServer();
  client = createS3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
  });
}, 60_000);
afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

async function published(bucket: string, key: string): Promise<string> {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await object.Body?.transformToString()) ?? '';
}

describe.skipIf(!moto.available)(
  `the sweep publishing the status page to S3 (moto_server)${moto.skipNote}`,
  () => {
    it('publishes on shard 0 at once, again when a listed check changes state and every 5 minutes, else not', async () => {
      const bucket = 'lookout-status-refresh';
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const run = new Scenario(
        oneCheckMonitor(
          { name: 'Orders API' },
          { statusPage: { title: 'Acme status', checks: ['orders-api'] } },
        ),
        { endpoint: db.endpoint, tableName: db.tableName },
      );
      const page = run.monitor.statusPage;
      if (page === undefined) throw new Error('the monitor declares a status page');
      const refresher = new StatusPageRefresher({
        page,
        publisher: createS3StatusPagePublisher({ client, bucket }),
        pageUrl: 'https://d111111abcdef8.cloudfront.net/',
      });
      const handler = createSweepHandler(() => run.deps(), refresher);
      const minute = async () => {
        run.nowMs += minuteMs;
        return handler({ shard: 0, shardCount: 1 });
      };

      await run.round('orders-api', () => 'ok', { advanceMs: 0 });
      expect((await minute()).statusPage).toMatchObject({ published: true, reason: 'first', deleted: 0 });
      expect(await published(bucket, 'index.html')).toContain('Acme status');
      expect(await published(bucket, 'incidents.atom')).toContain(
        'href="https://d111111abcdef8.cloudfront.net/incidents.atom"',
      );
      expect((await minute()).statusPage).toEqual({ published: false });
      // Another shard never publishes.
      expect((await handler({ shard: 1, shardCount: 2 })).statusPage).toBeUndefined();

      await run.round('orders-api', () => 'fail', { advanceMs: minuteMs });
      await run.round('orders-api', () => 'fail', { advanceMs: 0 });
      const changed = (await minute()).statusPage;
      expect(changed).toMatchObject({ published: true, reason: 'changed' });
      expect(changed).toHaveProperty('uploaded');
      expect(await published(bucket, 'index.html')).toContain('Some checks are down');
      expect(await published(bucket, 'badges/orders-api/status.svg')).toContain('Orders API status: down');
      expect(await published(bucket, 'incidents.atom')).toContain('Opened: Outage, Orders API');

      const quiet: unknown[] = [];
      for (let index = 0; index < 4; index += 1) quiet.push((await minute()).statusPage);
      expect(quiet).toEqual(Array.from({ length: 4 }, () => ({ published: false })));
      expect((await minute()).statusPage).toMatchObject({ published: true, reason: 'due' });
    }, 60_000);

    it('fails the invocation, after sweeping, when the page cannot be published, and says why', async () => {
      const run = new Scenario(
        oneCheckMonitor({}, { statusPage: { title: 'Acme status', checks: ['orders-api'] } }),
        { endpoint: db.endpoint, tableName: db.tableName },
      );
      const page = run.monitor.statusPage;
      if (page === undefined) throw new Error('the monitor declares a status page');
      const logged: Record<string, unknown>[] = [];
      const refresher = new StatusPageRefresher({
        page,
        publisher: createS3StatusPagePublisher({ client, bucket: 'no-such-bucket', retry: { attempts: 1 } }),
      });
      const handler = createSweepHandler(
        () => ({ ...run.deps(), log: (entry) => logged.push(entry) }),
        refresher,
      );
      await expect(handler({ shard: 0, shardCount: 1 })).rejects.toThrow(
        /the status page was not published: NoSuchBucket/,
      );
      expect(logged.at(-1)).toMatchObject({ level: 'error', message: 'swept', swept: 1 });
    }, 60_000);
  },
);
