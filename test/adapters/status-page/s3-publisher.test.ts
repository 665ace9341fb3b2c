import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createS3Client,
  createS3StatusPagePublisher,
} from '../../../functions/adapters/status-page/s3-publisher';
import { badgeKinds, badgePath } from '../../../functions/core/status-page';
import { renderStatusPageSite } from '../../../functions/core/status-page/status-page-site';
import { realisticStatusPage } from '../../core/status-page/status-page-fixture';
import { externalTool } from '../../support/external-tool';
import { type MotoServer, startMotoServer } from '../../support/moto-server';

/** moto_server (Python, preinstalled on this project's machines): skipped where missing, required under CI. */
const moto = externalTool('moto_server');

let server: MotoServer;
let bucketIndex = 0;
let bucket: string;
const clients: S3Client[] = [];
/** The S3 operations each client sent, in order. */
const sent = new Map<S3Client, string[]>();

/** A client of moto's S3 that records the operation of every request it sends. */
function s3(): S3Client {
  const client = createS3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
  });
  const operations: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      operations.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize' },
  );
  sent.set(client, operations);
  clients.push(client);
  return client;
}

function operationsOf(client: S3Client): string[] {
  return sent.get(client) ?? [];
}

beforeAll(async () => {
  if (moto.available) server = await startMotoServer();
}, 60_000);
beforeEach(async () => {
  if (!moto.available) return;
  bucketIndex += 1;
  bucket = `lookout-status-${bucketIndex}`;
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

const data = realisticStatusPage({ targets: false, errors: false });

describe.skipIf(!moto.available)(`the S3 status page publisher, against moto_server${moto.skipNote}`, () => {
  it('uploads every file with its content type and cache control, and each object holds the rendered body', async () => {
    const client = s3();
    const files = renderStatusPageSite(data);
    const published = await createS3StatusPagePublisher({ client, bucket }).publish(files);
    expect(published.uploaded.sort()).toEqual(files.map((file) => file.path).sort());
    expect(published).toMatchObject({ deleted: [], unchanged: 0 });
    expect(files).toHaveLength(3 + data.checks.length * badgeKinds.length);
    const reader = s3();
    for (const path of [
      'index.html',
      'status.json',
      'incidents.atom',
      badgePath('orders-api', 'uptime-30d'),
    ]) {
      const file = files.find((candidate) => candidate.path === path);
      const head = await reader.send(new HeadObjectCommand({ Bucket: bucket, Key: path }));
      expect(head.ContentType, path).toBe(file?.contentType);
      expect(head.CacheControl, path).toBe('public, max-age=60');
      const object = await reader.send(new GetObjectCommand({ Bucket: bucket, Key: path }));
      expect(await object.Body?.transformToString(), path).toBe(file?.body);
    }
    expect(
      (await reader.send(new HeadObjectCommand({ Bucket: bucket, Key: 'index.html' }))).ContentType,
    ).toBe('text/html; charset=utf-8');
  });

  it('uploads only what changed, and a new container learns what is there from one listing', async () => {
    const first = s3();
    const publisher = createS3StatusPagePublisher({ client: first, bucket });
    await publisher.publish(renderStatusPageSite(data));
    const puts = () => operationsOf(first).filter((operation) => operation === 'PutObject').length;
    const putsBefore = puts();
    const again = await publisher.publish(renderStatusPageSite(data));
    expect(again.uploaded).toEqual([]);
    expect(puts()).toBe(putsBefore);

    // A minute later the page and status.json say so; the badges and the feed are as they were.
    const later = { ...data, nowMs: data.nowMs + 60_000 };
    const moved = await publisher.publish(renderStatusPageSite(later));
    expect(moved.uploaded.sort()).toEqual(['index.html', 'status.json']);
    expect(puts()).toBe(putsBefore + 2);

    const fresh = s3();
    const cold = await createS3StatusPagePublisher({ client: fresh, bucket }).publish(
      renderStatusPageSite(later),
    );
    expect(cold.uploaded).toEqual([]);
    expect(operationsOf(fresh)).toEqual(['ListObjectsV2']);
  });

  it('removes the badges of a check no longer listed, and nothing else', async () => {
    const client = s3();
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'favicon.ico', Body: 'icon', ContentType: 'image/x-icon' }),
    );
    const publisher = createS3StatusPagePublisher({ client, bucket });
    await publisher.publish(renderStatusPageSite(data));
    const fewer = { ...data, checks: data.checks.filter((check) => check.id !== 'website') };
    const published = await publisher.publish(renderStatusPageSite(fewer));
    expect(published.deleted.sort()).toEqual(badgeKinds.map((badge) => badgePath('website', badge)).sort());
    const { Contents = [] } = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = Contents.map((object) => object.Key ?? '');
    expect(keys).toContain('favicon.ico');
    expect(keys.filter((key) => key.startsWith('badges/website/'))).toEqual([]);
    expect(keys).toContain(badgePath('orders-api', 'status'));
  });
});
