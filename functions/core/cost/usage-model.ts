import { dayMs } from '../declare/duration';
import type { ShardCapacity } from '../schedule/placement';

/**
 * What Lookout's handlers do per check, per round and per invocation, as `estimateCost` counts it: every
 * per-operation figure of the estimate, each named, with where it comes from. The bench that runs the real
 * handlers measures each and compares; where it measures something else, the figure here is what changes (or the
 * handler). Targets are assumed healthy (no retries, no timeouts: a failing target costs more Lambda time).
 */
export interface UsageModel {
  /** The month the estimate is for: 30 days (AWS calculators use 730 hours, 1.4 % more). */
  monthMs: number;

  // DynamoDB (home region).
  /**
   * Bytes of one stored result item (attribute names and values): the design target for an HTTPS result with TLS
   * facts and three assertions, stored compactly (assertion outcomes by index, rounded floats), so that each is
   * one write request unit (≤ 1 KB). Written once per probe (no `latest#` copy), by the probe's batch writes.
   */
  resultItemBytes: number;
  /**
   * Bytes of one counter item (`count#<minute>`: running totals of a check's closed rounds), written by the sweep
   * at most once per check per minute, when rounds closed since the previous one.
   */
  counterItemBytes: number;
  /** What DynamoDB adds to each item's size for its table size (storage and point-in-time recovery): 100 bytes. */
  itemOverheadBytes: number;
  /**
   * Alert transitions (opened, resolved, reminded) per check-month, each written and published once: a guess of
   * one incident a month; the bill barely moves with it.
   */
  alertEventsPerCheckMonth: number;
  /** Write request units per alert transition: the state with its outbox entry, the delivery mark, the history item. */
  writeUnitsPerAlertEvent: number;
  /**
   * Read request units of the evaluate function per check in one stream batch: an eventually consistent Query of
   * the check's alert states (0.5) and one of the results of its open rounds (0.5).
   */
  evaluateReadUnitsPerCheckBatch: number;
  /**
   * Read request units of the sweep per check every minute, without an SLO: alert states (0.5), the newest results
   * since `now − (2 × interval + timeout + margin)`, for closed rounds and the latest per region (1: about 9 items of
   * 0.8 KB, eventually consistent), the previous counter item (0.5).
   */
  sweepReadUnitsPerCheckMinute: number;
  /**
   * Read request units per SLO window boundary per check every minute: one eventually consistent Query
   * (`sk <= count#<boundary>`, Limit 1) per distinct start of a burn-rate window or of the SLO window.
   */
  readUnitsPerSloBoundary: number;

  // Lambda (arm64).
  /** The probe function's memory (infra/probe-stack.ts). */
  probeMemoryMb: number;
  /** The evaluate and sweep functions' memory (infra/home-stack.ts). */
  homeFunctionMemoryMb: number;
  /** What one probe invocation takes on, which sizes the probe shards (infra/probe-capacity.ts). */
  probeShardCapacity: ShardCapacity;
  /**
   * Milliseconds of a probe invocation besides probing: the handler's start and summary, the last result batch's
   * round trip to the home region, PutMetricData of its own two datums.
   */
  probeInvocationBaseMs: number;
  /**
   * Milliseconds one probe waits on the network: DNS, connect, TLS and the first byte of a typical HTTPS endpoint
   * from a Lambda function. Probes run `probeShardCapacity.concurrency` at a time, so an invocation waits this long
   * once per that many probes.
   */
  probeTargetMs: number;
  /** CPU milliseconds per probe at the probe's memory: TLS handshake, assertions, the result and its log line. */
  probeCpuMsPerProbe: number;
  /** Stream records per evaluate invocation at most (infra/home-stack.ts `evaluateStreamSettings.batchSize`). */
  evaluateBatchSize: number;
  /** Milliseconds of an evaluate invocation besides its checks: parsing the batch, PutMetricData. */
  evaluateInvocationBaseMs: number;
  /** Milliseconds per check in an evaluate batch: its two Queries, judging its rounds, writing what changed. */
  evaluateMsPerCheckBatch: number;
  /** Milliseconds of a sweep invocation besides its checks. */
  sweepInvocationBaseMs: number;
  /**
   * Wall milliseconds per check in a sweep invocation, at the sweep's bounded concurrency: about 40 ms of store
   * round trips per check, 16 at a time, minus overlap.
   */
  sweepMsPerCheck: number;

  // CloudWatch.
  /** Datums per PutMetricData call at most (the CloudWatch adapter's batches). */
  datumsPerPutMetricData: number;
  /** Series each probe region publishes for Lookout itself: `ProbesSkipped` and `ProbeRunDuration` (dimension `Region`). */
  lookoutSeriesPerProbeRegion: number;
  /** Alarms of the home stack: errors, throttles and duration of evaluate and of sweep, stream age, dead letters. */
  alarmsPerHomeStack: number;
  /** Alarms of each probe stack: errors, throttles and duration of probe, probes skipped, dead letters. */
  alarmsPerProbeStack: number;
  /**
   * Dashboards: the overview and the one-check-at-a-time page (infra/lookout-dashboard.ts); neither grows with the
   * number of checks.
   */
  dashboards: number;

  // CloudWatch Logs.
  /** Bytes of the probe's one-line result log (core/contract/result-log.ts), with CloudWatch's 26 bytes per event. */
  resultLogLineBytes: number;
  /** Bytes Lambda logs per invocation (START, END and REPORT lines, 26 bytes each of event overhead). */
  platformLogBytesPerInvocation: number;
  /** Bytes each handler logs per invocation of its own (one summary line). */
  handlerLogBytesPerInvocation: number;
  /** Days the functions' logs are kept (infra's `logRetention` default, one month). */
  logRetentionDays: number;

  // The rest.
  /**
   * Bytes on the wire per result written from a probe region to the home region's table: the item in DynamoDB's
   * JSON (type tags, about 1.3 × its size) plus its share of a 25-item BatchWriteItem's headers and response.
   */
  resultWriteWireBytes: number;
  /** Customer managed KMS keys: the alert topic's. */
  kmsKeys: number;
  /**
   * KMS requests per hour that DynamoDB makes on the table's AWS managed key for each role that uses the table
   * (it caches the table key for up to 5 minutes per caller).
   */
  dynamodbKmsRequestsPerRoleHour: number;
  /** KMS requests per SNS publish to the encrypted topic (a data key). */
  kmsRequestsPerSnsPublish: number;
  /**
   * SQS requests per minute of a queue that Lambda polls for sub-minute rounds while it is empty (5 long polls of
   * up to 20 s at a time).
   */
  sqsIdlePollRequestsPerMinute: number;
  /** Messages per SendMessageBatch call (SQS's limit). */
  sqsMessagesPerSendBatch: number;
}

/** The figures `estimateCost` uses unless given others. */
export const usageModel: UsageModel = {
  monthMs: 30 * dayMs,
  resultItemBytes: 800,
  counterItemBytes: 150,
  itemOverheadBytes: 100,
  alertEventsPerCheckMonth: 2,
  writeUnitsPerAlertEvent: 3,
  evaluateReadUnitsPerCheckBatch: 1,
  sweepReadUnitsPerCheckMinute: 2,
  readUnitsPerSloBoundary: 0.5,
  probeMemoryMb: 1024,
  homeFunctionMemoryMb: 512,
  probeShardCapacity: { concurrency: 50, budgetMs: 40_000 },
  probeInvocationBaseMs: 120,
  probeTargetMs: 250,
  probeCpuMsPerProbe: 4,
  evaluateBatchSize: 100,
  evaluateInvocationBaseMs: 40,
  evaluateMsPerCheckBatch: 12,
  sweepInvocationBaseMs: 60,
  sweepMsPerCheck: 3,
  datumsPerPutMetricData: 1000,
  lookoutSeriesPerProbeRegion: 2,
  alarmsPerHomeStack: 8,
  alarmsPerProbeStack: 5,
  dashboards: 2,
  resultLogLineBytes: 250,
  platformLogBytesPerInvocation: 400,
  handlerLogBytesPerInvocation: 250,
  logRetentionDays: 30,
  resultWriteWireBytes: 1300,
  kmsKeys: 1,
  dynamodbKmsRequestsPerRoleHour: 12,
  kmsRequestsPerSnsPublish: 1,
  sqsIdlePollRequestsPerMinute: 15,
  sqsMessagesPerSendBatch: 10,
};
