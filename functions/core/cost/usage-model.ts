import { dayMs } from '../declare/duration';
import type { ShardCapacity } from '../schedule/placement';

/**
 * What Lookout's handlers do per check, per round and per invocation, as `estimateCost` counts it: every
 * per-operation figure of the estimate, each named, with where it comes from. The bench that runs the real
 * handlers measures each and compares; where it measures something else, the figure here is what changes (or the
 * handler). Targets are assumed healthy (no retries, no timeouts: a failing target costs more Lambda time).
 *
 * Lambda milliseconds are those `npm run bench:cost` measured over the real handlers (bench/RESULTS.md, "`lookout
 * cost` against the real handlers"): wall time with AWS round trips held at assumed latencies (DynamoDB 5 ms, and
 * the round trip between regions for the probe's writes; targets `probeTargetMs`), CPU time stretched to the
 * function's share of a vCPU (memory / 1,769 MB), fitted over the three scenarios of that bench.
 */
export interface UsageModel {
  /** The month the estimate is for: 30 days (AWS calculators use 730 hours, 1.4 % more). */
  monthMs: number;

  // DynamoDB (home region).
  /**
   * Bytes of one stored result item (attribute names and values), by DynamoDB's size rule: an HTTPS result with
   * TLS facts (a public CA's names) and three assertions, stored compactly (assertion outcomes by index, rounded
   * floats), measured at 527 bytes (test/core/cost/usage-model.test.ts): one write request unit. Written once per
   * probe (no `latest#` copy), by the probe's batch writes.
   */
  resultItemBytes: number;
  /**
   * Bytes of one counter item (`count#<minute>`: running totals of a check's closed rounds, each region's last
   * report, and the running latency histogram the status page's percentiles read), written by the sweep at most
   * once per check per minute, when rounds closed since the previous one. Measured at 347 bytes for 3 regions
   * whose latencies spread from 30 to 600 ms, as a public endpoint's do from three continents (18 histogram
   * buckets; test/core/cost/usage-model.test.ts); 245 bytes with a steady latency (`npm run bench:storage`).
   */
  counterItemBytes: number;
  /** What DynamoDB adds to each item's size for its table size (storage and point-in-time recovery): 100 bytes. */
  itemOverheadBytes: number;
  /**
   * Alert transitions (opened, resolved, reminded) per check-month, each written and published once: a guess of
   * one incident a month; the bill barely moves with it.
   */
  alertEventsPerCheckMonth: number;
  /**
   * Write request units per alert transition: the alert state with the event in its outbox (an alert state with
   * its outbox is over 1 KB, 2 units a write), the event item, the outbox cleared after delivery. Fitted by
   * `npm run bench:cost` with `writeUnitsPerFailedRound` over its three scenarios: 7.7.
   */
  writeUnitsPerAlertEvent: number;
  /**
   * Minutes a check fails per month: a guess of one 10-minute incident a month, as `alertEventsPerCheckMonth`
   * guesses its transitions. Each failed round in them writes the alert states that count the streak.
   */
  failingMinutesPerCheckMonth: number;
  /**
   * Write request units per failed round, besides transitions: the alert states counting the failure streak.
   * Fitted by `npm run bench:cost` with `writeUnitsPerAlertEvent`: 2.15.
   */
  writeUnitsPerFailedRound: number;
  /**
   * Read request units of one eventually consistent Query of a check's alert states (all its alert items, under
   * 4 KB): the evaluate function reads them once per check and stream batch, the sweep once per check-minute.
   * Measured by `npm run bench:cost`: 0.5.
   */
  alertStatesReadUnits: number;
  /**
   * Read request units of one eventually consistent point read of a counter (`sk <= count#<minute>`, Limit 1): the
   * sweep reads the newest every minute, and with an SLO one per distinct start of a burn-rate window or of the SLO
   * window. Measured by `npm run bench:cost`: 0.5.
   */
  counterReadUnits: number;
  /**
   * Rounds beyond a streak (`max(consecutiveFailures, consecutiveSuccesses)`) that round alerts read back, plus a
   * timeout (runtime/evaluate-rounds.ts `roundsLookbackMs`). The evaluate function reads every region's results of
   * those rounds and of the round it evaluates (5 rounds by default), in one eventually consistent Query: half a read
   * unit per started 4 KB of `resultItemBytes` results.
   */
  roundsLookbackBeyondStreak: number;
  /**
   * How long after its timeout a round closes and is counted (runtime/evaluate-rounds.ts `roundArrivalSlackMs`).
   * The sweep reads every region's results back to the oldest round not counted a minute ago (a minute plus a
   * timeout plus this), or to the round alerts' lookback if that is longer: 4 rounds of a 1-minute check, 10 of a
   * 10 s one.
   */
  roundArrivalSlackMs: number;
  /**
   * How much earlier than a round the results store starts its reads, for clock skew
   * (adapters/dynamodb `resultQuerySlackMs`).
   */
  resultReadSlackMs: number;

  // Lambda (arm64).
  /** The probe function's memory (infra/probe-stack.ts). */
  probeMemoryMb: number;
  /** The evaluate and sweep functions' memory (infra/home-stack.ts). */
  homeFunctionMemoryMb: number;
  /** What one probe invocation takes on, which sizes the probe shards (infra/probe-capacity.ts). */
  probeShardCapacity: ShardCapacity;
  /**
   * Milliseconds of a probe invocation besides probing: the handler's start and summary, and the last result
   * batch's round trip to the home region (about 95 ms on average over the standard regions, us-east-1 home).
   */
  probeInvocationBaseMs: number;
  /**
   * Milliseconds one probe waits on the network: DNS, connect, TLS and the first byte of a typical HTTPS endpoint
   * from a Lambda function. Probes run `probeShardCapacity.concurrency` at a time, so an invocation waits this long
   * once per that many probes.
   */
  probeTargetMs: number;
  /**
   * CPU milliseconds per probe at the probe's memory (Lambda gives a function memory / 1,769 MB of a vCPU): TLS
   * handshake, assertions, the result, its log line and its share of the batch writes.
   */
  probeCpuMsPerProbe: number;
  /** Stream records per evaluate invocation at most (infra/home-stack.ts `evaluateStreamSettings.batchSize`). */
  evaluateBatchSize: number;
  /** Milliseconds of an evaluate invocation besides its checks: parsing the batch, PutMetricData's round trip. */
  evaluateInvocationBaseMs: number;
  /**
   * Milliseconds per check in an evaluate batch: its two Queries, one after the other and one check after another
   * (runtime/evaluate-new-results.ts), judging its rounds, writing what changed.
   */
  evaluateMsPerCheckBatch: number;
  /** Milliseconds of a sweep invocation besides its checks. */
  sweepInvocationBaseMs: number;
  /** The heartbeat ping function's memory (infra/heartbeat-endpoint.ts). */
  pingMemoryMb: number;
  /**
   * Milliseconds of a warm ping invocation: the token (cached), the `/start` lookup, the result write, each a
   * round trip within the region.
   */
  pingInvocationMs: number;
  /**
   * Pings a heartbeat gets per period: one (the job's success). A job that also reports `/start` sends two, which
   * doubles the ping lines.
   */
  pingsPerHeartbeatPeriod: number;
  /**
   * Bytes of a ping's result item (a success with its run time): 140 for a 37-character check id, measured by
   * test/core/cost/usage-model.test.ts. A `/fail` with its output kept is up to about 1.2 KB (2 units).
   */
  pingResultItemBytes: number;
  /** Read request units per ping: the eventually consistent Query for the job's `/start`. */
  pingReadUnits: number;
  /** Alarms of the ping function (only with heartbeat checks): errors, throttles, duration. */
  alarmsPerPingFunction: number;
  /**
   * Milliseconds per check in a sweep invocation without an SLO, at the sweep's bounded concurrency (16 checks at
   * once, so the round trips overlap): mostly the CPU of its three requests (the AWS SDK's signing and parsing)
   * at the function's share of a vCPU.
   */
  sweepMsPerCheck: number;
  /** Milliseconds more per check and SLO window start it reads a counter at (a request each). */
  sweepMsPerSloBoundary: number;

  // CloudWatch.
  /** Datums per PutMetricData call at most (the CloudWatch adapter's batches). */
  datumsPerPutMetricData: number;
  /** Series each probe region publishes for Lookout itself while healthy: none (`ProbesSkipped` only when some were skipped). */
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
  /**
   * Bytes each handler logs per invocation of its own (one summary line, with CloudWatch's 26 bytes per event):
   * measured by `npm run bench:cost` at about 126.
   */
  handlerLogBytesPerInvocation: number;
  /** Days the functions' logs are kept (infra's `logRetention` default, one month). */
  logRetentionDays: number;

  // The rest.
  /**
   * Bytes on the wire per result written from a probe region to the home region's table: the item in DynamoDB's
   * JSON (type tags) plus its share of a 25-item BatchWriteItem's headers and answer. Measured by `npm run
   * bench:cost` at 640 bytes for a 455-byte item in full batches (about 1.4 × its size).
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

  // Day summaries (every check) and the status page (only with `statusPage`).
  /**
   * Bytes of a check's day summary item (90 days of probe counts): rewritten by the sweep once a day (after
   * reading it), for every check, so that a status page declared later has its history.
   */
  daySummaryItemBytes: number;
  /**
   * Read request units per listed check per regeneration of the page, all eventually consistent: the newest
   * counter and the one a day ago (1), the day summary (0.5), the newest events (0.5), the newest results (0.5).
   * Its alert states come from the sweep (for checks of the first shard) or from the minute's change check.
   */
  statusPageReadUnitsPerCheck: number;
  /**
   * Read request units per minute per listed check outside the first sweep shard: its alert states, read to
   * notice a change of state (the first shard's own checks' states are the sweep's).
   */
  statusPageStateReadUnitsPerCheckMinute: number;
  /** Milliseconds of a regeneration besides its checks: the S3 requests' round trips, the feed. */
  statusPageRegenerationBaseMs: number;
  /**
   * Milliseconds per listed check of a regeneration: its reads (six queries, 16 checks at a time) and rendering
   * its part of the page, `status.json` and its 6 badges (0.3 ms: 31 ms for 100 checks, measured).
   */
  statusPageMsPerCheck: number;
  /**
   * Badges of a listed check that change per day (a new uptime or latency figure, a change of state), each one
   * PUT: a guess; the page and `status.json` change at every regeneration and are counted apart.
   */
  statusPageBadgeChangesPerCheckDay: number;
  /** Bucket listings a month: each new sweep container lists the bucket once (about hourly). */
  statusPageListingsPerMonth: number;
  /** Bytes per listed check of the page and of `status.json` as stored, and as CloudFront sends them compressed. */
  statusPagePageBytesPerCheck: { stored: number; compressed: number };
  statusPageJsonBytesPerCheck: { stored: number; compressed: number };
  /** Bytes of a badge, as stored and compressed. */
  statusPageBadgeBytes: { stored: number; compressed: number };
  /**
   * The assumed traffic of a public status page a month: page loads (a reader's open page reloads itself every
   * minute, each reload counted), `status.json` fetches (one integration polling it every minute) and badge
   * fetches (README badges through image proxies, which honour the minute's cache time).
   */
  statusPageViewsPerMonth: number;
  statusPageJsonFetchesPerMonth: number;
  statusPageBadgeFetchesPerMonth: number;
}

/** The figures `estimateCost` uses unless given others. */
export const usageModel: UsageModel = {
  monthMs: 30 * dayMs,
  resultItemBytes: 530,
  counterItemBytes: 350,
  itemOverheadBytes: 100,
  alertEventsPerCheckMonth: 2,
  writeUnitsPerAlertEvent: 7.7,
  failingMinutesPerCheckMonth: 10,
  writeUnitsPerFailedRound: 2.15,
  alertStatesReadUnits: 0.5,
  counterReadUnits: 0.5,
  roundsLookbackBeyondStreak: 2,
  roundArrivalSlackMs: 30_000,
  resultReadSlackMs: 5_000,
  probeMemoryMb: 1024,
  homeFunctionMemoryMb: 512,
  probeShardCapacity: { concurrency: 50, budgetMs: 40_000 },
  probeInvocationBaseMs: 135,
  probeTargetMs: 250,
  probeCpuMsPerProbe: 2.4,
  evaluateBatchSize: 100,
  evaluateInvocationBaseMs: 15,
  evaluateMsPerCheckBatch: 18.1,
  sweepInvocationBaseMs: 100,
  pingMemoryMb: 256,
  pingInvocationMs: 50,
  pingsPerHeartbeatPeriod: 1,
  pingResultItemBytes: 150,
  pingReadUnits: 0.5,
  alarmsPerPingFunction: 3,
  sweepMsPerCheck: 6.4,
  sweepMsPerSloBoundary: 1.1,
  datumsPerPutMetricData: 1000,
  lookoutSeriesPerProbeRegion: 0,
  alarmsPerHomeStack: 8,
  alarmsPerProbeStack: 5,
  dashboards: 2,
  resultLogLineBytes: 190,
  platformLogBytesPerInvocation: 400,
  handlerLogBytesPerInvocation: 130,
  logRetentionDays: 30,
  resultWriteWireBytes: 750,
  kmsKeys: 1,
  dynamodbKmsRequestsPerRoleHour: 12,
  kmsRequestsPerSnsPublish: 1,
  sqsIdlePollRequestsPerMinute: 15,
  sqsMessagesPerSendBatch: 10,
  daySummaryItemBytes: 800,
  statusPageReadUnitsPerCheck: 2.5,
  statusPageStateReadUnitsPerCheckMinute: 0.5,
  statusPageRegenerationBaseMs: 150,
  statusPageMsPerCheck: 4,
  statusPageBadgeChangesPerCheckDay: 2,
  statusPageListingsPerMonth: 720,
  statusPagePageBytesPerCheck: { stored: 9_600, compressed: 290 },
  statusPageJsonBytesPerCheck: { stored: 7_300, compressed: 210 },
  statusPageBadgeBytes: { stored: 560, compressed: 340 },
  statusPageViewsPerMonth: 20_000,
  statusPageJsonFetchesPerMonth: 43_200,
  statusPageBadgeFetchesPerMonth: 50_000,
};
