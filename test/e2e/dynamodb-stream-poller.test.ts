/**
 * The stream poller that moto-bundles.test.ts uses to play Lambda's event source mapping (moto runs none), held
 * to what Lambda does: the filter, the batch size, and retries after a partial batch failure or an error.
 */
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/adapters/dynamodb/ensure-table';
import { DynamoDbStreamPoller, matches, type StreamMappingSettings } from '../support/dynamodb-stream-poller';
import { externalTool } from '../support/external-tool';
import { type MotoServer, startMotoServer } from '../support/moto-server';

const moto = externalTool('moto_server');
const region = 'us-east-1';
const credentials = { accessKeyId: 'moto', secretAccessKey: 'moto' };
let server: MotoServer | undefined;
let client: DynamoDBClient | undefined;
let tables = 0;

beforeAll(async () => {
  if (!moto.available) return;
  server = await startMotoServer();
  client = new DynamoDBClient({
    region,
    endpoint: server.endpoint,
    credentials,
  });
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

const settings: StreamMappingSettings = {
  batchSize: 2,
  startingPosition: 'TRIM_HORIZON',
  maximumRetryAttempts: 2,
  filterPatterns: [
    JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { sk: { S: [{ prefix: 'result#' }] } } } }),
  ],
  reportBatchItemFailures: true,
};

/** A new table with a stream, holding items with these sort keys (written in this order), and its stream. */
async function streamOf(sortKeys: string[]): Promise<string> {
  const db = client as DynamoDBClient;
  const tableName = `poller-${++tables}`;
  await ensureTable(db, tableName, { pollMs: 20 });

  for (const sk of sortKeys) {
    await db.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'check#a' }, sk: { S: sk } } }),
    );
  }
  const { Table } = await db.send(new DescribeTableCommand({ TableName: tableName }));
  return Table?.LatestStreamArn ?? '';
}

/** The sort keys of each invocation's records. */
function recorder(reply: (event: DynamoDBStreamEvent, call: number) => DynamoDBBatchResponse) {
  const calls: string[][] = [];
  const invoke = async (event: DynamoDBStreamEvent) => {
    calls.push(event.Records.map((record) => record.dynamodb?.NewImage?.sk?.S ?? ''));
    return reply(event, calls.length);
  };
  return { calls, invoke };
}

describe(`the DynamoDB stream poller, against moto's DynamoDB Streams${moto.skipNote}`, () => {
  it.skipIf(!moto.available)(
    'delivers only what the filter matches, in batches, in Lambda’s record shape, and reads each record once',
    async () => {
      const arn = await streamOf(['result#1', 'count#1', 'result#2', 'result#3']);
      const { calls, invoke } = recorder(() => ({ batchItemFailures: [] }));
      let first: DynamoDBStreamEvent['Records'][number] | undefined;
      const poller = new DynamoDbStreamPoller(
        arn,
        settings,
        async (event) => {
          first ??= event.Records[0];
          return invoke(event);
        },
        { region, endpoint: server?.endpoint as string, credentials },
      );
      const outcome = await poller.poll();
      expect(outcome).toMatchObject({ read: 4, delivered: 3, invocations: 2, discarded: [] });
      expect(calls).toEqual([['result#1', 'result#2'], ['result#3']]);
      expect(first).toMatchObject({
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        eventSourceARN: arn,
        dynamodb: { Keys: { pk: { S: 'check#a' }, sk: { S: 'result#1' } }, StreamViewType: 'NEW_IMAGE' },
      });
      expect(typeof first?.dynamodb?.ApproximateCreationDateTime).toBe('number');
      expect(await poller.poll()).toMatchObject({ read: 0, invocations: 0 });
      poller.close();
    },
  );

  it.skipIf(!moto.available)(
    'retries from the lowest reported failure, retries a batch that threw whole, and gives up after the retries',
    async () => {
      const arn = await streamOf(['result#1', 'result#2', 'result#3', 'result#4']);
      const { calls, invoke } = recorder((event, call) => {
        const sequence = (index: number) => event.Records[index]?.dynamodb?.SequenceNumber ?? '';
        if (call === 1) return { batchItemFailures: [{ itemIdentifier: sequence(1) }] };
        if (call >= 3) throw new Error('the function failed');
        return { batchItemFailures: [] };
      });
      const poller = new DynamoDbStreamPoller(arn, settings, invoke, {
        region,
        endpoint: server?.endpoint as string,
        credentials,
      });
      const outcome = await poller.poll();
      expect(calls).toEqual([
        ['result#1', 'result#2'],
        ['result#2'],
        ['result#3', 'result#4'],
        ['result#3', 'result#4'],
        ['result#3', 'result#4'],
      ]);
      expect(outcome.invocations).toBe(5);
      expect(outcome.discarded.map((record) => record.dynamodb?.NewImage?.sk?.S)).toEqual([
        'result#3',
        'result#4',
      ]);
      poller.close();
    },
  );
});

describe('event patterns, as Lambda filters apply them', () => {
  it('match lists of values and prefixes in nested objects, and refuse operators they do not apply', () => {
    const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { sk: { S: [{ prefix: 'result#' }] } } } };
    const record = (eventName: string, sk: string) => ({
      eventName,
      dynamodb: { NewImage: { sk: { S: sk } } },
    });
    expect(matches(pattern, record('INSERT', 'result#x'))).toBe(true);
    expect(matches(pattern, record('MODIFY', 'result#x'))).toBe(false);
    expect(matches(pattern, record('INSERT', 'count#x'))).toBe(false);
    expect(matches(pattern, { eventName: 'INSERT' })).toBe(false);
    expect(() => matches({ eventName: [{ 'anything-but': 'REMOVE' }] }, record('INSERT', 'x'))).toThrow(
      /does not apply/,
    );
  });
});
