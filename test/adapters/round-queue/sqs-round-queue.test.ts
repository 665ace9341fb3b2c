import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSqsClient,
  createSqsRoundQueue,
} from '../../../functions/adapters/round-queue/sqs-round-queue';
import { parseRoundInput, type RoundInput } from '../../../functions/core/contract/schedule-input';
import { externalTool } from '../../support/external-tool';
import { type MotoServer, startMotoServer } from '../../support/moto-server';

/** moto_server (Python, preinstalled on this project's machines): skipped where missing, required under CI. */
const moto = externalTool('moto_server');

let server: MotoServer;
let client: SQSClient;
beforeAll(async () => {
  if (!moto.available) return;
  server = await startMotoServer();
  client = createSqsClient({
    region: 'eu-west-1',
    endpoint: server.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}, 60_000);
afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

const minuteMs = Date.parse('2026-11-02T10:00:00.000Z');

async function newQueue(name: string): Promise<string> {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name }));
  if (QueueUrl === undefined) throw new Error('no queue URL');
  return QueueUrl;
}

/** Every round visible in the queue now (deleting what it reads). */
async function visibleRounds(queueUrl: string): Promise<RoundInput[]> {
  const rounds: RoundInput[] = [];
  for (;;) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) return rounds;
    for (const message of Messages) {
      const input = parseRoundInput(message.Body ?? '');
      if (input) rounds.push(input);
      await client.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    }
  }
}

describe.skipIf(!moto.available)(`the SQS round queue${moto.skipNote}`, () => {
  it('sends each round as a message with its delivery delay, 10 to a call', async () => {
    const queueUrl = await newQueue('rounds-delays');
    const queue = createSqsRoundQueue({ client, queueUrl });
    // Eleven later rounds (the most a minute has); all due at once but the last, due in 2 s.
    const rounds = Array.from({ length: 11 }, (_, index) => ({
      input: { roundAtMs: minuteMs + (index + 1) * 1000, shard: 1, shardCount: 3 },
      delaySeconds: index === 10 ? 2 : 0,
    }));
    expect(await queue.queueRounds(rounds)).toEqual({ notQueued: [] });
    const now = await visibleRounds(queueUrl);
    expect(now.map((input) => input.roundAtMs).sort()).toEqual(
      rounds.slice(0, 10).map((round) => round.input.roundAtMs),
    );
    expect(now[0]).toEqual({ roundAtMs: expect.any(Number), shard: 1, shardCount: 3 });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await visibleRounds(queueUrl)).toEqual([rounds[10]?.input]);
  }, 30_000);

  it('never rejects: rounds it could not queue come back, with the reason', async () => {
    const queue = createSqsRoundQueue({
      client,
      queueUrl: `${server.endpoint}/123456789012/no-such-queue`,
      retry: { attempts: 1 },
    });
    const input = { roundAtMs: minuteMs + 30_000, shard: 0, shardCount: 1 };
    const outcome = await queue.queueRounds([{ input, delaySeconds: 30 }]);
    expect(outcome.notQueued).toEqual([input]);
    expect(String(outcome.error)).toMatch(/queue/i);
  }, 30_000);
});
