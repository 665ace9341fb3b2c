import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  type DynamoDBStreamsClientConfig,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamApiRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * The settings of a Lambda event source mapping on a DynamoDB stream that the poller honours, as a template's
 * `AWS::Lambda::EventSourceMapping` states them.
 */
export interface StreamMappingSettings {
  /** `BatchSize`: the most records per invocation. */
  batchSize: number;
  /** `StartingPosition`. */
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** `MaximumRetryAttempts`: retries of a failed batch before its records go to the on-failure destination. */
  maximumRetryAttempts: number;
  /** `FilterCriteria.Filters[].Pattern`, each a JSON event pattern; a record is delivered when one matches. */
  filterPatterns: string[];
  /** `FunctionResponseTypes` includes `ReportBatchItemFailures`. */
  reportBatchItemFailures: boolean;
}

/** What one `poll` did. */
export interface PollOutcome {
  /** Records read from the stream. */
  read: number;
  /** Of them, delivered to the function (the rest did not match the filter, and are dropped as Lambda drops them). */
  delivered: number;
  /** Invocations of the function, retries included. */
  invocations: number;
  /** Records given up on after every retry (Lambda would send them to the on-failure destination). */
  discarded: DynamoDBRecord[];
}

/**
 * Plays what AWS Lambda's poller does for a DynamoDB stream event source mapping, which moto does not run: reads
 * the stream with the real DynamoDB Streams API (DescribeStream, GetShardIterator, GetRecords), turns each
 * record into the shape Lambda delivers (`DynamoDBRecord`: the same images, the creation time in epoch seconds,
 * `eventSource` and `eventSourceARN`), drops the records no filter pattern matches, invokes the function with
 * batches of at most `batchSize`, and, with `ReportBatchItemFailures`, retries from the lowest reported sequence
 * number onwards (a thrown error retries the whole batch), at most `maximumRetryAttempts` times.
 *
 * What it does not play: the batching window (each `poll` delivers what the stream holds now), bisecting a
 * failed batch, and the on-failure destination (records given up on are returned instead). The stream is read
 * shard by shard, in the order DescribeStream lists them.
 */
export class DynamoDbStreamPoller {
  private readonly client: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  private readonly patterns: unknown[];

  constructor(
    private readonly streamArn: string,
    private readonly settings: StreamMappingSettings,
    private readonly invoke: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>,
    clientConfig: DynamoDBStreamsClientConfig,
  ) {
    this.client = new DynamoDBStreamsClient(clientConfig);
    this.patterns = settings.filterPatterns.map((pattern) => JSON.parse(pattern) as unknown);
  }

  /** Reads every record the stream holds now and delivers the matching ones to the function. */
  async poll(): Promise<PollOutcome> {
    const records = await this.readAll();
    const matching = records.filter(
      (record) => this.patterns.length === 0 || this.patterns.some((pattern) => matches(pattern, record)),
    );
    const outcome: PollOutcome = {
      read: records.length,
      delivered: matching.length,
      invocations: 0,
      discarded: [],
    };
    for (let start = 0; start < matching.length; start += this.settings.batchSize) {
      await this.deliver(matching.slice(start, start + this.settings.batchSize), outcome);
    }
    return outcome;
  }

  /** Stops the client's connections. */
  close(): void {
    this.client.destroy();
  }

  private async deliver(batch: DynamoDBRecord[], outcome: PollOutcome): Promise<void> {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > this.settings.maximumRetryAttempts) {
        outcome.discarded.push(...pending);
        return;
      }
      outcome.invocations++;
      let response: DynamoDBBatchResponse | undefined;
      try {
        response = await this.invoke({ Records: pending });
      } catch {
        continue; // the whole batch again
      }
      pending = this.settings.reportBatchItemFailures ? retryFrom(pending, response) : [];
    }
  }

  private async readAll(): Promise<DynamoDBRecord[]> {
    const { StreamDescription } = await this.client.send(
      new DescribeStreamCommand({ StreamArn: this.streamArn }),
    );
    const records: DynamoDBRecord[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (shardId === undefined) continue;
      if (!this.iterators.has(shardId)) {
        const { ShardIterator } = await this.client.send(
          new GetShardIteratorCommand({
            StreamArn: this.streamArn,
            ShardId: shardId,
            ShardIteratorType: this.settings.startingPosition,
          }),
        );
        this.iterators.set(shardId, ShardIterator);
      }
      for (;;) {
        const iterator = this.iterators.get(shardId);
        if (iterator === undefined) break; // the shard is closed and read to its end
        const page = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        this.iterators.set(shardId, page.NextShardIterator);
        const read = page.Records ?? [];
        records.push(...read.map((record) => lambdaRecord(record, this.streamArn)));
        if (read.length === 0) break;
      }
    }
    return records;
  }
}

/**
 * The records to deliver again after a response: none when it reports no failure; from the lowest reported
 * sequence number onwards otherwise (the whole batch when an identifier is empty or names no record of it).
 */
function retryFrom(batch: DynamoDBRecord[], response: DynamoDBBatchResponse | undefined): DynamoDBRecord[] {
  const failures = response?.batchItemFailures ?? [];
  if (failures.length === 0) return [];
  const positions = failures.map((failure) =>
    batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier),
  );
  if (positions.some((position) => position < 0)) return batch;
  return batch.slice(Math.min(...positions));
}

/** A record of the Streams API in the shape Lambda delivers it. */
function lambdaRecord(record: StreamApiRecord, streamArn: string): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  return {
    ...(record.eventID === undefined ? {} : { eventID: record.eventID }),
    ...(record.eventName === undefined ? {} : { eventName: record.eventName }),
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    ...(record.awsRegion === undefined ? {} : { awsRegion: record.awsRegion }),
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created === undefined ? {} : { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...(stream.Keys === undefined ? {} : { Keys: stream.Keys as never }),
      ...(stream.NewImage === undefined ? {} : { NewImage: stream.NewImage as never }),
      ...(stream.OldImage === undefined ? {} : { OldImage: stream.OldImage as never }),
      ...(stream.SequenceNumber === undefined ? {} : { SequenceNumber: stream.SequenceNumber }),
      ...(stream.SizeBytes === undefined ? {} : { SizeBytes: stream.SizeBytes }),
      ...(stream.StreamViewType === undefined ? {} : { StreamViewType: stream.StreamViewType }),
    },
  };
}

/**
 * Whether an event matches an event pattern, for the parts of the pattern language Lambda filters accept that a
 * pattern here uses: nested objects, lists of exact values, and `{ prefix }`. Any other operator throws, so a
 * filter this poller cannot apply fails the test instead of passing everything.
 */
export function matches(pattern: unknown, event: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((alternative) => matchesValue(alternative, event));
  if (typeof pattern !== 'object' || pattern === null) {
    throw new Error(`not an event pattern: ${JSON.stringify(pattern)}`);
  }
  if (typeof event !== 'object' || event === null) return false;
  return Object.entries(pattern).every(([key, inner]) =>
    matches(inner, (event as Record<string, unknown>)[key]),
  );
}

function matchesValue(alternative: unknown, value: unknown): boolean {
  if (typeof alternative !== 'object' || alternative === null) return value === alternative;
  const [operator, ...more] = Object.keys(alternative);
  const operand = (alternative as Record<string, unknown>)[operator ?? ''];
  if (operator === 'prefix' && more.length === 0 && typeof operand === 'string') {
    return typeof value === 'string' && value.startsWith(operand);
  }
  throw new Error(`this poller does not apply the filter operator ${JSON.stringify(alternative)}`);
}
