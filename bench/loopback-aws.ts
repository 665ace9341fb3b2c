/**
 * Loopback stand-ins for the AWS services Lookout's handlers call, for the benches that run the real handlers
 * (bench/cost-check.ts, bench/scale.ts). No request leaves 127.0.0.1.
 *
 * - `startServicesProcess`: dynalite (DynamoDB's protocol, in memory) and, when asked, an HTTPS target, in a
 *   process of their own, so that their CPU is not the handlers'.
 * - `startForwardingProxy`: an HTTP proxy that answers no sooner than an assumed service latency (so that wall
 *   times include the round trips a Lambda function waits on), optionally rewrites requests, and reports each
 *   exchange.
 * - `DynamoTally`: on a proxy in front of dynalite, asks every data request for `ReturnConsumedCapacity: TOTAL`
 *   and counts request units as DynamoDB bills them (dynalite's consumed capacity, raised to DynamoDB's minimum:
 *   half a unit for an eventually consistent read that finds nothing, one for a write, a failed conditional write
 *   included), by caller (a phase the bench sets) and by the kind of item.
 * - `startSqsEndpoint`: SendMessageBatch (awsJson 1.0) for the probe's round queue, keeping each message.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { startDynalite } from '../functions/adapters/dynamodb/embedded-dynalite';
import { itemSizeBytes } from '../functions/adapters/dynamodb/item-size';
import { listenOnLoopback } from '../functions/adapters/listen-on-loopback';
import { tableLayout } from '../functions/core/contract/table-layout';
import { type AwsEndpoint, jsonError, jsonReply, startAwsEndpoint } from '../test/support/aws-endpoint';
import { closeServer } from '../test/support/close-server';
import { onExitStop } from './cleanup';

/** The deployment the benches that run the real handlers stand up: home region, probe regions, alert topic. */
export const loopbackHomeRegion = 'us-east-1';
export const loopbackRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
export const loopbackTopicArn = `arn:aws:sns:${loopbackHomeRegion}:123456789012:lookout-alerts`;

/**
 * The least time each AWS request takes (assumed, not measured: loopback has none): DynamoDB from a function in
 * its region about 5 ms; from a probe region, the round trip between the regions (about 70 ms from eu-west-1,
 * 200 ms from ap-southeast-2 to us-east-1) more; CloudWatch, SNS and SQS about 15 ms.
 */
export const assumedLatencyMs = {
  dynamoDb: 5,
  betweenRegions: { 'us-east-1': 0, 'eu-west-1': 70, 'ap-southeast-2': 200 } as Record<string, number>,
  otherServices: 15,
};

const servicesFlag = '--loopback-services';

// ─── The services process ────────────────────────────────────────────────────────────────────────────────────

/** What the parent asks the services process to start. */
interface StartMessage {
  type: 'start';
  /** An HTTPS target with this certificate and key (PEM files), answering after `targetDelayMs`. */
  target?: { certPath: string; keyPath: string; delayMs: number };
}

/** Which target paths answer 503 from now on. */
interface FailingMessage {
  type: 'failing';
  paths: string[];
}

type ServicesReply =
  | { type: 'ready'; dynamoEndpoint: string; targetOrigin?: string }
  | { type: 'ack' }
  | { type: 'error'; error: string };

/** The running services process. */
export interface ServicesProcess {
  /** dynalite's endpoint (no latency, no counting: put a proxy in front). */
  dynamoEndpoint: string;
  /** `https://127.0.0.1:<port>`, when a target was asked for. */
  targetOrigin?: string;
  /** The target answers 503 on these paths (and 200 with a small JSON body on every other) from now on. */
  setFailing(paths: readonly string[]): Promise<void>;
  stop(): void;
}

/** The body a healthy target path answers: what `expect.jsonBody('$.status', 'ok')` reads. */
export const healthyBody = '{"status":"ok","version":"2.14.1"}';
const failingBody = 'upstream connect error or disconnect/reset before headers';

/** Forks this file as the services process (inheriting the tsx loader) and waits until it is ready. */
export async function startServicesProcess(
  options: Omit<StartMessage, 'type'> = {},
): Promise<ServicesProcess> {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, [servicesFlag], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const unregister = onExitStop(stop);
  const nextReply = () =>
    new Promise<ServicesReply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the services process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (reply: ServicesReply) => {
        child.off('exit', onExit);
        if (reply.type === 'error') reject(new Error(reply.error));
        else resolve(reply);
      });
    });
  const ready = nextReply();
  child.send({ type: 'start', ...options } satisfies StartMessage);
  const started = await ready;
  if (started.type !== 'ready') throw new Error('the services process did not start');
  return {
    dynamoEndpoint: started.dynamoEndpoint,
    ...(started.targetOrigin === undefined ? {} : { targetOrigin: started.targetOrigin }),
    async setFailing(paths) {
      const acked = nextReply();
      child.send({ type: 'failing', paths: [...paths] } satisfies FailingMessage);
      await acked;
    },
    stop() {
      unregister();
      stop();
    },
  };
}

async function runServices(): Promise<void> {
  let failing = new Set<string>();
  process.on('message', async (message: StartMessage | FailingMessage) => {
    try {
      if (message.type === 'failing') {
        failing = new Set(message.paths);
        process.send?.({ type: 'ack' } satisfies ServicesReply);
        return;
      }
      const dynalite = await startDynalite();
      let targetOrigin: string | undefined;
      const target = message.target;
      if (target !== undefined) {
        const server = createHttpsServer(
          { cert: readFileSync(target.certPath), key: readFileSync(target.keyPath) },
          (request, response) => {
            const fails = failing.has(request.url ?? '');
            const body = fails ? failingBody : healthyBody;
            setTimeout(() => {
              response.writeHead(fails ? 503 : 200, {
                'content-type': fails ? 'text/plain' : 'application/json',
                'content-length': Buffer.byteLength(body),
              });
              response.end(body);
            }, target.delayMs);
          },
        );
        targetOrigin = `https://127.0.0.1:${await listenOnLoopback(server, 0, 4096)}`;
      }
      process.send?.({
        type: 'ready',
        dynamoEndpoint: dynalite.endpoint,
        ...(targetOrigin === undefined ? {} : { targetOrigin }),
      } satisfies ServicesReply);
    } catch (error) {
      process.send?.({ type: 'error', error: String(error) } satisfies ServicesReply);
    }
  });
  // The IPC channel closes when the bench exits, however it exits: stop then.
  process.on('disconnect', () => process.exit(0));
}

// ─── A forwarding proxy with latency ─────────────────────────────────────────────────────────────────────────

/** A request as the proxy received it. */
export interface ProxiedExchange {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as received (before any rewrite). */
  body: Buffer;
  /** The answer's status and body, as the target gave them (undefined when the target could not be reached). */
  status?: number;
  responseBody?: Buffer;
}

/** Options of `startForwardingProxy`. */
export interface ForwardingProxyOptions {
  /** Such as `http://127.0.0.1:41234`. */
  target: string;
  /**
   * The least time from a request to its answer, from what the request is: the answer is held until then (an
   * assumed service latency, which the target's own time counts towards). @default 0
   */
  latencyMs?: (exchange: ProxiedExchange) => number;
  /** The body to forward instead of the one received. @default the one received */
  rewrite?: (exchange: ProxiedExchange) => Buffer;
  /** Called with each exchange once the target answered (before the caller gets the answer). */
  observe?: (exchange: ProxiedExchange) => void;
}

/** A running proxy. */
export interface ForwardingProxy {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  close(): Promise<void>;
}

/** Starts an HTTP proxy on 127.0.0.1 in front of `target` (see `ForwardingProxyOptions`). */
export async function startForwardingProxy(options: ForwardingProxyOptions): Promise<ForwardingProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const exchange: ProxiedExchange = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body: Buffer.concat(chunks),
    };
    const arrivedMs = performance.now();
    const body = options.rewrite?.(exchange) ?? exchange.body;
    const latencyMs = options.latencyMs?.(exchange) ?? 0;
    const headers = { ...incoming.headers, host: target.host, 'content-length': String(body.length) };
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: exchange.method,
        path: exchange.path,
        headers,
        agent,
      },
      async (answer) => {
        const answerChunks: Buffer[] = [];
        for await (const chunk of answer) answerChunks.push(chunk as Buffer);
        exchange.status = answer.statusCode ?? 0;
        exchange.responseBody = Buffer.concat(answerChunks);
        options.observe?.(exchange);
        // The answer leaves no sooner than the assumed latency after the request came (the target's own time,
        // dynalite's, counts towards it: a real service's time is in the assumed latency).
        const waitMs = arrivedMs + latencyMs - performance.now();
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        response.writeHead(exchange.status, answer.headers);
        response.end(exchange.responseBody);
      },
    );
    forwarded.on('error', (error) => {
      options.observe?.(exchange);
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
    forwarded.end(body);
  });
  const port = await listenOnLoopback(server, 0, 4096);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await closeServer(server);
      agent.destroy();
    },
  };
}

// ─── Counting DynamoDB request units ─────────────────────────────────────────────────────────────────────────

/** What an item is, by its sort key. */
export type ItemKind = 'result' | 'counter' | 'alert' | 'event' | 'days' | 'other';

/** Request units and requests of one caller and item kind. */
export interface UnitTally {
  readUnits: number;
  writeUnits: number;
  reads: number;
  writes: number;
}

const readOperations = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);
const writeOperations = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

function kindOfSortKey(sortKey: string): ItemKind | undefined {
  const prefix = tableLayout.sortKeyPrefix;
  if (sortKey.startsWith(prefix.result)) return 'result';
  if (sortKey.startsWith(prefix.counter)) return 'counter';
  if (sortKey.startsWith(prefix.alert)) return 'alert';
  if (sortKey.startsWith(prefix.event)) return 'event';
  if (sortKey === tableLayout.daySummarySortKey) return 'days';
  return undefined;
}

type Item = Record<string, AttributeValue>;

interface DynamoInput {
  ConsistentRead?: boolean;
  Key?: Item;
  Item?: Item;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  RequestItems?: Record<string, { PutRequest?: { Item?: Item }; DeleteRequest?: { Key?: Item } }[]>;
  ReturnConsumedCapacity?: string;
}

/** The kind of item a request reads or writes: its key's, or the first sort key among a query's values. */
function kindOfInput(input: DynamoInput): ItemKind {
  const sortKey = tableLayout.sortKey;
  const direct = input.Key?.[sortKey]?.S ?? input.Item?.[sortKey]?.S;
  if (direct !== undefined) return kindOfSortKey(direct) ?? 'other';
  for (const value of Object.values(input.ExpressionAttributeValues ?? {})) {
    const kind = value.S === undefined ? undefined : kindOfSortKey(value.S);
    if (kind !== undefined) return kind;
  }
  for (const writes of Object.values(input.RequestItems ?? {})) {
    const item = writes[0]?.PutRequest?.Item ?? writes[0]?.DeleteRequest?.Key;
    const kind = item?.[sortKey]?.S === undefined ? undefined : kindOfSortKey(item[sortKey].S);
    if (kind !== undefined) return kind;
  }
  return 'other';
}

/**
 * Counts DynamoDB request units by caller (`phase`, which the bench sets while a handler runs) and item kind,
 * from a `startForwardingProxy` in front of dynalite: use `rewrite` and `observe` as its options.
 */
export class DynamoTally {
  /** Who is calling now; requests are counted under it. */
  phase = 'setup';
  /** Whether requests are counted now. */
  counting = false;
  /** By phase, then item kind. */
  readonly units = new Map<string, Map<ItemKind, UnitTally>>();
  /** Sizes (DynamoDB's rule, `itemSizeBytes`) of the result and counter items written while counting. */
  readonly writtenSizes: Record<'result' | 'counter', number[]> = { result: [], counter: [] };
  /**
   * Bytes on the wire per result of each BatchWriteItem of results while counting: the request (headers and body)
   * and the answer's body, over the results it wrote.
   */
  readonly resultWriteWireBytes: number[] = [];
  /** Operations by name while counting (`Query`, `PutItem`...). */
  readonly operations = new Map<string, number>();
  /** Called with every result item a BatchWriteItem or PutItem wrote, counting or not (the stream's records). */
  onResultItem: ((item: Item) => void) | undefined;

  /** The proxy's `rewrite`: asks data requests for their consumed capacity. */
  readonly rewrite = (exchange: ProxiedExchange): Buffer => {
    const operation = operationOf(exchange);
    if (!readOperations.has(operation) && !writeOperations.has(operation)) return exchange.body;
    const input = JSON.parse(exchange.body.toString('utf8')) as DynamoInput;
    input.ReturnConsumedCapacity = 'TOTAL';
    return Buffer.from(JSON.stringify(input));
  };

  /** The proxy's `observe`: counts the exchange. */
  readonly observe = (exchange: ProxiedExchange): void => {
    const operation = operationOf(exchange);
    const isRead = readOperations.has(operation);
    if (!isRead && !writeOperations.has(operation)) return;
    const input = JSON.parse(exchange.body.toString('utf8')) as DynamoInput;
    const ok = exchange.status === 200;
    const written = ok ? writtenItems(operation, input) : [];
    for (const item of written) {
      if (item[tableLayout.sortKey]?.S?.startsWith(tableLayout.sortKeyPrefix.result))
        this.onResultItem?.(item);
    }
    if (!this.counting) return;
    this.operations.set(operation, (this.operations.get(operation) ?? 0) + 1);
    // DynamoDB's least charge: half a read unit (eventually consistent) or one, one write unit.
    const least = isRead ? (input.ConsistentRead ? 1 : 0.5) : 1;
    let consumed = 0;
    if (ok && exchange.responseBody !== undefined) {
      const output = JSON.parse(exchange.responseBody.toString('utf8')) as {
        ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
      };
      consumed = [output.ConsumedCapacity ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    }
    const units = Math.max(consumed, least);
    const tally = this.tallyOf(this.phase, kindOfInput(input));
    if (isRead) {
      tally.readUnits += units;
      tally.reads += 1;
    } else {
      tally.writeUnits += units;
      tally.writes += operation === 'BatchWriteItem' ? written.length || 1 : 1;
    }
    if (operation === 'BatchWriteItem' && written.length > 0) {
      const headerBytes = Object.entries(exchange.headers).reduce(
        (sum, [name, value]) => sum + name.length + String(value).length + 4,
        0,
      );
      const wireBytes = headerBytes + exchange.body.length + (exchange.responseBody?.length ?? 0);
      this.resultWriteWireBytes.push(wireBytes / written.length);
    }
    for (const item of written) {
      const kind = kindOfSortKey(item[tableLayout.sortKey]?.S ?? '');
      if (kind === 'result' || kind === 'counter') this.writtenSizes[kind].push(itemSizeBytes(item));
    }
  };

  /** The tally of a phase and kind (created empty). */
  tallyOf(phase: string, kind: ItemKind): UnitTally {
    let byKind = this.units.get(phase);
    if (byKind === undefined) {
      byKind = new Map();
      this.units.set(phase, byKind);
    }
    let tally = byKind.get(kind);
    if (tally === undefined) {
      tally = { readUnits: 0, writeUnits: 0, reads: 0, writes: 0 };
      byKind.set(kind, tally);
    }
    return tally;
  }

  /** The sum over the given phases (every phase when none) and kinds (every kind when none). */
  total(phases?: readonly string[], kinds?: readonly ItemKind[]): UnitTally {
    const sum: UnitTally = { readUnits: 0, writeUnits: 0, reads: 0, writes: 0 };
    for (const [phase, byKind] of this.units) {
      if (phases !== undefined && !phases.includes(phase)) continue;
      for (const [kind, tally] of byKind) {
        if (kinds !== undefined && !kinds.includes(kind)) continue;
        sum.readUnits += tally.readUnits;
        sum.writeUnits += tally.writeUnits;
        sum.reads += tally.reads;
        sum.writes += tally.writes;
      }
    }
    return sum;
  }

  /** Forgets what was counted. */
  reset(): void {
    this.units.clear();
    this.operations.clear();
    this.writtenSizes.result.length = 0;
    this.writtenSizes.counter.length = 0;
    this.resultWriteWireBytes.length = 0;
  }
}

function operationOf(exchange: ProxiedExchange): string {
  const target = exchange.headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  return value?.split('.').pop() ?? '';
}

function writtenItems(operation: string, input: DynamoInput): Item[] {
  if (operation === 'PutItem') return input.Item === undefined ? [] : [input.Item];
  if (operation !== 'BatchWriteItem') return [];
  return Object.values(input.RequestItems ?? {}).flatMap((writes) =>
    writes.flatMap((write) => (write.PutRequest?.Item === undefined ? [] : [write.PutRequest.Item])),
  );
}

// ─── SQS ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A message the round queue sent. */
export interface SentMessage {
  /** The queue it was sent to. */
  queueUrl: string;
  body: string;
  delaySeconds: number;
}

/** A loopback SQS endpoint that accepts SendMessageBatch. */
export interface SqsEndpoint extends AwsEndpoint {
  /** Messages accepted and not yet taken. */
  pending: SentMessage[];
  /** SendMessageBatch calls accepted. */
  sendBatchCalls: number;
}

/** Starts a loopback SQS endpoint (awsJson 1.0, `AmazonSQS.SendMessageBatch`) that keeps what it is sent. */
export async function startSqsEndpoint(): Promise<SqsEndpoint> {
  const pending: SentMessage[] = [];
  const state = { sendBatchCalls: 0 };
  const endpoint = await startAwsEndpoint({
    handle(request) {
      if (request.headers['x-amz-target'] !== 'AmazonSQS.SendMessageBatch') {
        return jsonError(
          400,
          'com.amazonaws.sqs#InvalidAction',
          `unexpected ${request.headers['x-amz-target']}`,
        );
      }
      const input = JSON.parse(request.body) as {
        QueueUrl: string;
        Entries: { Id: string; MessageBody: string; DelaySeconds?: number }[];
      };
      state.sendBatchCalls += 1;
      const successful = input.Entries.map((entry) => {
        pending.push({
          queueUrl: input.QueueUrl,
          body: entry.MessageBody,
          delaySeconds: entry.DelaySeconds ?? 0,
        });
        return {
          Id: entry.Id,
          MessageId: randomUUID(),
          MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex'),
        };
      });
      return jsonReply({ Successful: successful, Failed: [] }, 'application/x-amz-json-1.0');
    },
    fault: () => jsonError(500, 'com.amazonaws.sqs#InternalError', 'internal error'),
  });
  return {
    ...endpoint,
    pending,
    get sendBatchCalls() {
      return state.sendBatchCalls;
    },
  };
}

// Forked by `startServicesProcess`.
if (process.argv.includes(servicesFlag)) await runServices();
