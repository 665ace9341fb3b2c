import { metricDimensions, metricNames } from '../contract/metric-names';
import { dayMs, hourMs, minuteMs } from '../declare/duration';
import { localRegion } from '../declare/regions';
import { publishedSeries } from '../metrics/published-series';
import type { ResolvedCheck, ResolvedHeartbeatCheck, ResolvedMonitor } from '../resolve/resolved-monitor';
import { checkPhaseMs } from '../schedule/check-phase';
import { dueRounds } from '../schedule/due-rounds';
import { checksForRegion, shardCountFor, shardOf, sweepShardCount } from '../schedule/placement';
import { burnRateRules } from '../slo/burn-rate-rules';
import { type AnchorCost, anchorCosts } from './anchor-costs';
import {
  awsPrices,
  cloudWatchMetricTiers,
  type ListPrice,
  type PriceTier,
  priceListCheckedOn,
  priceListCurrency,
  priceListRegion,
  priceOf,
} from './price-list';
import { type StatusPageUsage, statusPageUsage } from './status-page-cost';
import { type UsageModel, usageModel } from './usage-model';

/** The AWS service a line of the estimate is billed under. */
export type CostService =
  | 'CloudWatch'
  | 'DynamoDB'
  | 'Lambda'
  | 'CloudWatch Logs'
  | 'EventBridge Scheduler'
  | 'SQS'
  | 'KMS'
  | 'SNS'
  | 'Data transfer'
  | 'S3'
  | 'CloudFront';

/** One line of the monthly estimate: `quantity` units at `price`, costing `usd`. */
export interface CostLine {
  service: CostService;
  /** What is billed, such as `'Custom metric series'`. */
  item: string;
  /** How many units a month, in `price.unit`s. */
  quantity: number;
  /** The list price (price-list.ts). */
  price: ListPrice;
  /** `quantity × price.usd / price.per`. */
  usd: number;
  /** How the quantity is made up. */
  detail: string;
}

/**
 * What the deployed monitor does in a month, as the estimate counts it: the figures the bench measures on the
 * real handlers (divide by 720 for an hour).
 */
export interface MonthlyUsage {
  /** Deployed checks. */
  checks: number;
  /** Probes, each one result (no retries: targets are assumed healthy). */
  probes: number;
  /** Heartbeat pings, each one result and one invocation of the ping function. */
  pings: number;
  /** Probe invocations: by the scheduler (one per region, shard and minute), and by SQS (each later sub-minute round). */
  probeInvocations: { scheduled: number; queued: number };
  /** Evaluate invocations (stream batches). */
  evaluateInvocations: number;
  /** Checks summed over the evaluate batches they are in. */
  evaluateCheckBatches: number;
  /** Sweep invocations (one per sweep shard and minute). */
  sweepInvocations: number;
  /** Lambda compute, GB-seconds. */
  gbSeconds: { probe: number; evaluate: number; sweep: number; ping: number };
  /** DynamoDB write request units (day summaries: one per check and day, written by the sweep). */
  writeUnits: { results: number; pings: number; counters: number; daySummaries: number; alerts: number };
  /** DynamoDB read request units (the sweep's include reading each check's day summary once a day). */
  readUnits: { evaluate: number; sweep: number; pings: number; statusPage: number };
  /** Custom metric series billed for the month (prorated by the hours they get datums in). */
  metricSeries: { checks: number; lookout: number };
  /** PutMetricData calls. */
  putMetricDataCalls: { probe: number; evaluate: number; sweep: number };
  /** The table's size in steady state, GB (items plus DynamoDB's 100 bytes each). */
  storedGb: { results: number; counters: number };
  /** CloudWatch Logs ingested, GB. */
  logsIngestedGb: number;
  /** CloudWatch Logs kept in steady state, GB. */
  logsStoredGb: number;
  schedulerInvocations: number;
  sqsRequests: number;
  kmsRequests: number;
  /** Publishes to the alert topic, and to the chat topic (`alerts.chat`). */
  snsPublishes: { alerts: number; chat: number };
  emailDeliveries: number;
  httpsDeliveries: number;
  /** Deliveries of the chat topic to Amazon Q Developer (an HTTPS subscription). */
  chatDeliveries: number;
  /** Results written from probe regions other than the home region, GB on the wire. */
  interRegionGb: number;
  alarms: number;
  dashboards: number;
  /** Customer managed KMS keys. */
  kmsKeys: number;
  /** What the status page adds, when the monitor declares one. */
  statusPage?: StatusPageUsage;
}

/** The monthly estimate of a deployed monitor. */
export interface CostEstimate {
  /** The region whose list prices are used, the day they were checked, and the currency. */
  prices: { region: string; checkedOn: string; currency: string };
  /** Days in the month estimated. */
  monthDays: number;
  homeRegion: string;
  /** The probe regions. */
  regions: string[];
  /** Deployed checks. */
  checks: number;
  lines: CostLine[];
  /** The sum of every line. */
  totalUsd: number;
  /** `totalUsd` per check, undefined without checks. */
  usdPerCheckMonth: number | undefined;
  usage: MonthlyUsage;
  /** What the same checks cost elsewhere. */
  anchors: AnchorCost[];
}

/** Binary gigabytes, as AWS bills storage, logs and transfer. */
const bytesPerGb = 1024 ** 3;

/**
 * Estimates the monthly AWS bill of a deployed monitor (`deployedMonitor(resolved)`), line by line at
 * us-east-1 list prices, by counting what the handlers do (see `UsageModel` for every per-operation figure):
 * - probe: one scheduled invocation per region, shard and minute, which runs the minute's first round, and one
 *   SQS-delivered invocation per later sub-minute round; each result written once, in batches, to the home
 *   region's table; one result log line per probe;
 * - evaluate: stream batches of up to 100 results per region and round (each region's writes arrive apart), each
 *   reading a check's alert states and open rounds; one PutMetricData per batch of the series the metrics options
 *   ask for (the probe's own metrics are EMF lines in its log: no PutMetricData);
 * - sweep: one invocation per sweep shard and minute; per check, its alert states, newest results, previous
 *   counter and, with an SLO, one counter per window boundary; a counter item written per minute in which rounds
 *   closed; its day summary read and written once a day;
 * - heartbeats: one ping function invocation, result write and read per ping (`pingsPerHeartbeatPeriod` a
 *   period), each ping its own stream batch for the evaluator; the sweep handles them like any check;
 * - the status page, when declared: its regenerations (reads, Lambda time, S3 PUTs) and its readers (CloudFront
 *   requests and transfer at an assumed traffic, see `statusPageUsage`);
 * - the fixed part: alarms, dashboards, the topic's KMS key, the schedules.
 * Pure: the same monitor gives the same estimate.
 */
export function estimateCost(monitor: ResolvedMonitor, model: UsageModel = usageModel): CostEstimate {
  const regions = monitor.regions.filter((region) => region !== localRegion);
  const checks = monitor.checks.filter((check) => check.regions.some((region) => region !== localRegion));
  const probed = checks.filter((check) => check.kind !== 'heartbeat');
  const heartbeats = checks.filter((check): check is ResolvedHeartbeatCheck => check.kind === 'heartbeat');
  const minutes = model.monthMs / minuteMs;
  const hours = model.monthMs / hourMs;
  const roundsOf = (check: ResolvedCheck) => model.monthMs / check.intervalMs;
  const regionsOf = (check: ResolvedCheck) => check.regions.filter((region) => region !== localRegion);

  const probing = simulateProbingHour(monitor, regions, model);
  const probes = sum(probed, (check) => regionsOf(check).length * roundsOf(check));
  const pingsOf = (check: ResolvedHeartbeatCheck) => roundsOf(check) * model.pingsPerHeartbeatPeriod;
  const pings = sum(heartbeats, pingsOf);
  const probeInvocations = {
    scheduled: probing.scheduledInvocations * hours,
    queued: probing.queuedInvocations * hours,
  };
  const probeMs =
    (probing.scheduledInvocations + probing.queuedInvocations) * hours * model.probeInvocationBaseMs +
    probing.waves * hours * model.probeTargetMs +
    probes * model.probeCpuMsPerProbe;

  // Evaluate: one stream burst per region and round instant (each region's writes arrive on their own); a burst
  // of n results takes ceil(n / batch size) invocations, and each check of it is in one of them (its one result).
  const seriesByCheck = new Map(checks.map((check) => [check.id, seriesOf(check, monitor)]));
  let evaluateInvocationsPerHour = 0;
  let checkBatchesPerHour = 0;
  let evaluateReadUnitsPerHour = 0;
  let evaluatePutsPerHour = 0;
  for (const burst of probing.bursts.values()) {
    if (burst.results <= 0) continue;
    const invocations = Math.ceil(burst.results / model.evaluateBatchSize);
    evaluateInvocationsPerHour += invocations;
    checkBatchesPerHour += burst.checks.length;
    let datums = 0;
    for (const check of burst.checks) {
      evaluateReadUnitsPerHour += evaluateReadUnitsPerCheckBatch(check, model);
      const series = seriesByCheck.get(check.id);
      if (series !== undefined) datums += series.pooled + series.perRegion;
    }
    evaluatePutsPerHour += Math.max(invocations, Math.ceil(datums / model.datumsPerPutMetricData));
  }
  // Checks of intervals above an hour are spread over the day, and pings come when jobs run: each of their
  // results is in a batch of its own.
  const longChecks = probed.filter((check) => check.intervalMs > hourMs);
  const longCheckBatchesOf = (check: ResolvedCheck) => roundsOf(check) * regionsOf(check).length;
  const loneBatches = sum(longChecks, longCheckBatchesOf) + pings;
  const evaluateInvocations = evaluateInvocationsPerHour * hours + loneBatches;
  const evaluateCheckBatches = checkBatchesPerHour * hours + loneBatches;
  const evaluateMs =
    evaluateInvocations * model.evaluateInvocationBaseMs +
    evaluateCheckBatches * model.evaluateMsPerCheckBatch;

  // Sweep.
  const sweepShards = sweepShardCount(checks.length);
  const sweepInvocations = sweepShards * minutes;
  const sweepMs =
    sweepInvocations * model.sweepInvocationBaseMs +
    sum(
      checks,
      (check) => minutes * (model.sweepMsPerCheck + sloBoundaries(check) * model.sweepMsPerSloBoundary),
    );
  const sloObjectives = sum(checks, (check) => seriesByCheck.get(check.id)?.sloBudget ?? 0);
  const sweepPutsPerMinute =
    sloObjectives === 0
      ? 0
      : sweepShards * Math.ceil(sloObjectives / sweepShards / model.datumsPerPutMetricData);

  // DynamoDB.
  const writeUnitsPerResult = writeUnits(model.resultItemBytes);
  const counterWritesOf = (check: ResolvedCheck) => model.monthMs / Math.max(check.intervalMs, minuteMs);
  const days = model.monthMs / dayMs;
  const statusPage = statusPageUsage(monitor, model, sweepShards, model.homeFunctionMemoryMb);
  const writes = {
    results: probes * writeUnitsPerResult,
    pings: pings * writeUnits(model.pingResultItemBytes),
    counters: sum(checks, counterWritesOf) * writeUnits(model.counterItemBytes),
    daySummaries: checks.length * days * writeUnits(model.daySummaryItemBytes),
    alerts: sum(
      checks,
      (check) =>
        model.alertEventsPerCheckMonth * model.writeUnitsPerAlertEvent +
        ((model.failingMinutesPerCheckMonth * minuteMs) / check.intervalMs) * model.writeUnitsPerFailedRound,
    ),
  };
  const reads = {
    evaluate:
      evaluateReadUnitsPerHour * hours +
      sum(longChecks, (check) => longCheckBatchesOf(check) * evaluateReadUnitsPerCheckBatch(check, model)) +
      sum(heartbeats, (check) => pingsOf(check) * evaluateReadUnitsPerCheckBatch(check, model)),
    sweep:
      sum(
        checks,
        (check) =>
          minutes *
          (sweepReadUnitsPerCheckMinute(check, model) + sloBoundaries(check) * model.counterReadUnits),
      ) +
      checks.length * days * eventuallyConsistentReadUnits(model.daySummaryItemBytes),
    pings: pings * model.pingReadUnits,
    statusPage: statusPage?.readUnits ?? 0,
  };
  const storedGb = {
    results:
      ((monitor.retentionMs / model.monthMs) *
        (probes * (model.resultItemBytes + model.itemOverheadBytes) +
          pings * (model.pingResultItemBytes + model.itemOverheadBytes))) /
      bytesPerGb,
    counters:
      (sum(
        checks,
        (check) =>
          counterWritesOf(check) *
          (Math.max(monitor.retentionMs, check.slo?.windowMs ?? 0) / model.monthMs) *
          (model.counterItemBytes + model.itemOverheadBytes),
      ) +
        checks.length * (model.daySummaryItemBytes + model.itemOverheadBytes)) /
      bytesPerGb,
  };

  // CloudWatch.
  const checkSeries = sum(checks, (check) => {
    const series = seriesByCheck.get(check.id);
    if (series === undefined) return 0;
    // A series is billed for the hours it gets a datum in: every hour, unless the check runs less often.
    return series.result * Math.min(1, hourMs / check.intervalMs) + series.sloBudget;
  });
  const lookoutSeries = regions.length * model.lookoutSeriesPerProbeRegion;
  const putMetricDataCalls = {
    // The probe's own metrics are embedded metric format lines in its log, not PutMetricData calls.
    probe: 0,
    evaluate: evaluatePutsPerHour * hours + loneBatches,
    sweep: sweepPutsPerMinute * minutes,
  };
  const alarms =
    model.alarmsPerHomeStack +
    model.alarmsPerProbeStack * regions.length +
    (heartbeats.length > 0 ? model.alarmsPerPingFunction : 0);

  // Logs.
  const invocations =
    probeInvocations.scheduled + probeInvocations.queued + evaluateInvocations + sweepInvocations + pings;
  const logsIngestedGb =
    (probes * model.resultLogLineBytes +
      invocations * (model.platformLogBytesPerInvocation + model.handlerLogBytesPerInvocation)) /
    bytesPerGb;
  const logsStoredGb = logsIngestedGb * (model.logRetentionDays / (model.monthMs / dayMs));

  // The rest.
  const schedulerInvocations = (probing.shards + sweepShards) * minutes;
  const queues = probing.regionsWithQueuedRounds;
  const sqsRequests =
    (probing.sendBatches + 2 * probing.queuedInvocations) * hours +
    queues * model.sqsIdlePollRequestsPerMinute * minutes;
  // Each notification is published to the alert topic, and to the chat topic too when there is one.
  const notifications = checks.length * model.alertEventsPerCheckMonth;
  const snsPublishes = { alerts: notifications, chat: monitor.alerts.chat === undefined ? 0 : notifications };
  // The probe role of each region, evaluate, sweep, and the ping function's when there are heartbeats.
  const tableRoles = regions.length + 2 + (heartbeats.length > 0 ? 1 : 0);
  const kmsRequests =
    (snsPublishes.alerts + snsPublishes.chat) * model.kmsRequestsPerSnsPublish +
    tableRoles * model.dynamodbKmsRequestsPerRoleHour * hours;
  const interRegionGb =
    sum(
      probed,
      (check) => regionsOf(check).filter((region) => region !== monitor.homeRegion).length * roundsOf(check),
    ) *
    (model.resultWriteWireBytes / bytesPerGb);

  const gbSeconds = {
    probe: gbSecondsOf(probeMs, model.probeMemoryMb),
    evaluate: gbSecondsOf(evaluateMs, model.homeFunctionMemoryMb),
    sweep: gbSecondsOf(sweepMs, model.homeFunctionMemoryMb),
    ping: gbSecondsOf(pings * model.pingInvocationMs, model.pingMemoryMb),
  };
  const usage: MonthlyUsage = {
    checks: checks.length,
    probes,
    pings,
    probeInvocations,
    evaluateInvocations,
    evaluateCheckBatches,
    sweepInvocations,
    gbSeconds,
    writeUnits: writes,
    readUnits: reads,
    metricSeries: { checks: checkSeries, lookout: lookoutSeries },
    putMetricDataCalls,
    storedGb,
    logsIngestedGb,
    logsStoredGb,
    schedulerInvocations,
    sqsRequests,
    kmsRequests,
    snsPublishes,
    emailDeliveries: snsPublishes.alerts * monitor.alerts.email.length,
    httpsDeliveries: snsPublishes.alerts * monitor.alerts.https.length,
    chatDeliveries: snsPublishes.chat,
    interRegionGb,
    alarms,
    dashboards: model.dashboards,
    kmsKeys: model.kmsKeys,
    ...(statusPage === undefined ? {} : { statusPage }),
  };

  const lines = costLines(usage, probing.shards, sweepShards, regions.length, monitor.alerts.sms.length > 0);
  const totalUsd = sum(lines, (line) => line.usd);
  return {
    prices: { region: priceListRegion, checkedOn: priceListCheckedOn, currency: priceListCurrency },
    monthDays: model.monthMs / dayMs,
    homeRegion: monitor.homeRegion,
    regions,
    checks: checks.length,
    lines,
    totalUsd,
    usdPerCheckMonth: checks.length === 0 ? undefined : totalUsd / checks.length,
    usage,
    anchors: anchorCosts(probed, model.monthMs),
  };
}

/** The lines of the bill, in the order they are shown; lines with nothing to bill are left out. */
function costLines(
  usage: MonthlyUsage,
  probeShards: number,
  sweepShards: number,
  regionCount: number,
  hasSms: boolean,
): CostLine[] {
  const p = awsPrices;
  const n = formatCount;
  const lines: CostLine[] = [
    ...tieredLines(
      'CloudWatch',
      'Custom metric series',
      usage.metricSeries.checks + usage.metricSeries.lookout,
      cloudWatchMetricTiers,
      `${n(usage.metricSeries.checks)} for the checks, ${n(usage.metricSeries.lookout)} of Lookout's own`,
    ),
    line(
      'CloudWatch',
      'PutMetricData calls',
      usage.putMetricDataCalls.probe + usage.putMetricDataCalls.evaluate + usage.putMetricDataCalls.sweep,
      p.cloudWatchApiRequest,
      `probe ${n(usage.putMetricDataCalls.probe)}, evaluate ${n(usage.putMetricDataCalls.evaluate)}, sweep ${n(usage.putMetricDataCalls.sweep)}`,
    ),
    line('CloudWatch', 'Alarms', usage.alarms, p.cloudWatchAlarmMonth, `on Lookout's functions and queues`),
    line(
      'CloudWatch',
      'Dashboards',
      usage.dashboards,
      p.cloudWatchDashboardMonth,
      'the overview and the one-check page',
    ),
    line(
      'DynamoDB',
      'Write request units',
      usage.writeUnits.results +
        usage.writeUnits.pings +
        usage.writeUnits.counters +
        usage.writeUnits.daySummaries +
        usage.writeUnits.alerts,
      p.dynamodbWriteRequestUnit,
      `results ${n(usage.writeUnits.results)}${usage.writeUnits.pings > 0 ? `, pings ${n(usage.writeUnits.pings)}` : ''}, counters ${n(usage.writeUnits.counters)}, day summaries ${n(usage.writeUnits.daySummaries)}, alerts ${n(usage.writeUnits.alerts)}`,
    ),
    line(
      'DynamoDB',
      'Read request units',
      usage.readUnits.evaluate + usage.readUnits.sweep + usage.readUnits.pings + usage.readUnits.statusPage,
      p.dynamodbReadRequestUnit,
      `evaluate ${n(usage.readUnits.evaluate)}, sweep ${n(usage.readUnits.sweep)}${usage.readUnits.pings > 0 ? `, pings ${n(usage.readUnits.pings)}` : ''}${usage.readUnits.statusPage > 0 ? `, status page ${n(usage.readUnits.statusPage)}` : ''}`,
    ),
    line(
      'DynamoDB',
      'Storage',
      usage.storedGb.results + usage.storedGb.counters,
      p.dynamodbStorageGbMonth,
      `results ${gb(usage.storedGb.results)}, counters ${gb(usage.storedGb.counters)}`,
    ),
    line(
      'DynamoDB',
      'Point-in-time recovery',
      usage.storedGb.results + usage.storedGb.counters,
      p.dynamodbPitrGbMonth,
      'continuous backups of the whole table',
    ),
    line(
      'Lambda',
      'Probe compute',
      usage.gbSeconds.probe,
      p.lambdaArmGbSecond,
      `${n(usage.probeInvocations.scheduled + usage.probeInvocations.queued)} invocations (${regionCount} regions, ${probeShards} schedules), ${n(usage.probes)} probes`,
    ),
    line(
      'Lambda',
      'Evaluate compute',
      usage.gbSeconds.evaluate,
      p.lambdaArmGbSecond,
      `${n(usage.evaluateInvocations)} stream batches`,
    ),
    line(
      'Lambda',
      'Sweep compute',
      usage.gbSeconds.sweep,
      p.lambdaArmGbSecond,
      `${n(usage.sweepInvocations)} invocations (${sweepShards} ${sweepShards === 1 ? 'shard' : 'shards'})`,
    ),
    line(
      'Lambda',
      'Ping compute',
      usage.gbSeconds.ping,
      p.lambdaArmGbSecond,
      `${n(usage.pings)} heartbeat pings, one invocation each`,
    ),
    line(
      'Lambda',
      'Requests',
      usage.probeInvocations.scheduled +
        usage.probeInvocations.queued +
        usage.evaluateInvocations +
        usage.sweepInvocations +
        usage.pings,
      p.lambdaRequest,
      usage.pings > 0
        ? 'probe, evaluate, sweep and ping invocations'
        : 'probe, evaluate and sweep invocations',
    ),
    line(
      'CloudWatch Logs',
      'Ingestion',
      usage.logsIngestedGb,
      p.cloudWatchLogsIngestedGb,
      'one line per result, and each invocation',
    ),
    line('CloudWatch Logs', 'Storage', usage.logsStoredGb, p.cloudWatchLogsStoredGbMonth, 'kept a month'),
    line(
      'EventBridge Scheduler',
      'Invocations',
      usage.schedulerInvocations,
      p.schedulerInvocation,
      'every minute, per probe shard and sweep shard',
    ),
    line('SQS', 'Requests', usage.sqsRequests, p.sqsRequest, 'delayed sub-minute rounds and their polling'),
    line('KMS', 'Customer managed key', usage.kmsKeys, p.kmsKeyMonth, "the alert topic's key"),
    line('KMS', 'Requests', usage.kmsRequests, p.kmsRequest, 'topic publishes, the table key'),
    line(
      'SNS',
      'Publishes',
      usage.snsPublishes.alerts + usage.snsPublishes.chat,
      p.snsPublish,
      `${usage.snsPublishes.chat > 0 ? 'alerts, and again to the chat topic' : 'alerts'}${hasSms ? ' (SMS is priced per country: not included)' : ''}`,
    ),
    line('SNS', 'Email deliveries', usage.emailDeliveries, p.snsEmailDelivery, 'alerts to email addresses'),
    line('SNS', 'HTTPS deliveries', usage.httpsDeliveries, p.snsHttpDelivery, 'alerts to HTTPS endpoints'),
    line(
      'SNS',
      'Chat deliveries',
      usage.chatDeliveries,
      p.snsHttpDelivery,
      'the chat topic to Amazon Q Developer in chat applications (an HTTPS subscription)',
    ),
    line(
      'Data transfer',
      'Between regions',
      usage.interRegionGb,
      p.interRegionTransferGb,
      'results written to the home region from the others',
    ),
    ...statusPageLines(usage.statusPage),
  ];
  return lines.filter((candidate) => candidate.quantity > 0);
}

/** The status page's own lines (its DynamoDB reads are in the read line). */
function statusPageLines(usage: StatusPageUsage | undefined): CostLine[] {
  if (usage === undefined) return [];
  const p = awsPrices;
  const n = formatCount;
  return [
    line(
      'Lambda',
      'Status page compute',
      usage.gbSeconds,
      p.lambdaArmGbSecond,
      `${n(usage.regenerations)} regenerations of ${n(usage.listedChecks)} listed checks, in the sweep`,
    ),
    line(
      'S3',
      'Status page PUT and LIST requests',
      usage.s3PutRequests,
      p.s3PutRequest,
      'the page and status.json at each regeneration, changed badges and feed, a listing per container',
    ),
    line(
      'S3',
      'Status page GET requests',
      usage.s3GetRequests,
      p.s3GetRequest,
      'CloudFront refreshing a file (at most once a minute per edge; counted per request)',
    ),
    line('S3', 'Status page storage', usage.s3StoredGb, p.s3StorageGbMonth, 'the page, status.json, badges'),
    line(
      'CloudFront',
      'Status page HTTPS requests',
      usage.cloudFrontRequests,
      p.cloudFrontHttpsRequest,
      `assumed: ${n(usage.traffic.pageViews)} page loads, ${n(usage.traffic.jsonFetches)} status.json and ${n(usage.traffic.badgeFetches)} badge fetches`,
    ),
    line(
      'CloudFront',
      'Status page data transfer out',
      usage.cloudFrontGb,
      p.cloudFrontTransferGb,
      'the assumed requests, compressed',
    ),
  ];
}

function line(
  service: CostService,
  item: string,
  quantity: number,
  price: ListPrice,
  detail: string,
): CostLine {
  return { service, item, quantity, price, usd: priceOf(quantity, price), detail };
}

/** One line per tier that `quantity` reaches. */
function tieredLines(
  service: CostService,
  item: string,
  quantity: number,
  tiers: readonly PriceTier[],
  detail: string,
): CostLine[] {
  const lines: CostLine[] = [];
  let from = 0;
  for (const tier of tiers) {
    const inTier = Math.min(quantity, tier.upTo) - from;
    if (inTier <= 0) break;
    const label =
      tiers.length === 1 || (from === 0 && quantity <= tier.upTo)
        ? item
        : `${item}, ${from === 0 ? 'first' : `${formatCount(from + 1)} to`} ${formatCount(tier.upTo === Number.POSITIVE_INFINITY ? quantity : tier.upTo)}`;
    lines.push(line(service, label, inTier, tier.price, detail));
    from = tier.upTo;
  }
  return lines;
}

/** How many series a check gets, by kind of datum. */
interface CheckSeriesCounts {
  /** Series per check of result metrics (dimension `CheckId`). */
  pooled: number;
  /** Series per check and region of result metrics, per region (0 without `perRegion`). */
  perRegion: number;
  /** Every result series of the check (pooled and per region). */
  result: number;
  /** `SloBudgetRemaining` series. */
  sloBudget: number;
}

function seriesOf(check: ResolvedCheck, monitor: ResolvedMonitor): CheckSeriesCounts {
  const series = publishedSeries(check, monitor.metrics);
  const sloBudget = series.filter((s) => s.name === metricNames.sloBudgetRemaining).length;
  const pooled = series.filter(
    (s) => s.name !== metricNames.sloBudgetRemaining && s.dimensions[metricDimensions.region] === undefined,
  ).length;
  const result = series.length - sloBudget;
  return { pooled, perRegion: monitor.metrics.perRegion ? pooled : 0, result, sloBudget };
}

/**
 * Read units of the evaluate function per check in a stream batch: its alert states, and every region's results of
 * the rounds its round alerts look back over (a streak and `roundsLookbackBeyondStreak` more) and of the round.
 */
function evaluateReadUnitsPerCheckBatch(check: ResolvedCheck, model: UsageModel): number {
  const rounds = streakOf(check) + model.roundsLookbackBeyondStreak + 1;
  return model.alertStatesReadUnits + resultReadUnits(check, rounds, model);
}

/**
 * Read units of the sweep per check-minute, besides SLO window starts: its alert states, its newest counter, and
 * every region's results back to the oldest round not counted a minute ago (a minute, a timeout and the arrival
 * slack, plus the store's slack) or over the round alerts' lookback, whichever reaches further.
 */
function sweepReadUnitsPerCheckMinute(check: ResolvedCheck, model: UsageModel): number {
  const uncountedMs =
    Math.max(check.intervalMs, minuteMs) +
    check.timeoutMs +
    model.roundArrivalSlackMs +
    model.resultReadSlackMs;
  const rounds = Math.max(
    streakOf(check) + model.roundsLookbackBeyondStreak,
    Math.floor(uncountedMs / check.intervalMs),
  );
  return model.alertStatesReadUnits + model.counterReadUnits + resultReadUnits(check, rounds, model);
}

/** The rounds in a row that open or resolve an outage, whichever is more. */
function streakOf(check: ResolvedCheck): number {
  return Math.max(check.alert.consecutiveFailures, check.alert.consecutiveSuccesses);
}

/** Read units of one eventually consistent Query of every region's results of `rounds` rounds. */
function resultReadUnits(check: ResolvedCheck, rounds: number, model: UsageModel): number {
  const regions = check.regions.filter((region) => region !== localRegion).length;
  return eventuallyConsistentReadUnits(rounds * regions * model.resultItemBytes);
}

/** The distinct window starts the sweep reads a counter at, each minute: every burn-rate window and the SLO's. */
function sloBoundaries(check: ResolvedCheck): number {
  const slo = check.slo;
  if (slo === undefined) return 0;
  const windows = new Set([slo.windowMs]);
  for (const rule of burnRateRules(slo.windowMs)) {
    windows.add(rule.longMs);
    windows.add(rule.shortMs);
  }
  return windows.size;
}

/**
 * Probes of one instant of the hour from one region: one burst on the table's stream (each probe region's
 * writes come from its own invocation, so the stream poller batches them apart; the bench plays it so).
 */
interface Burst {
  /** Results, with a fractional share of the checks that run less often than hourly. */
  results: number;
  /** The checks with a result in it. */
  checks: ResolvedCheck[];
}

interface ProbingHour {
  /** Probe schedules: one per region and shard. */
  shards: number;
  scheduledInvocations: number;
  queuedInvocations: number;
  /** Rounds of `probeShardCapacity.concurrency` probes, summed over invocations. */
  waves: number;
  /** SendMessageBatch calls for the sub-minute rounds. */
  sendBatches: number;
  regionsWithQueuedRounds: number;
  /** By `<region>:<minute>:<offset>`. */
  bursts: Map<string, Burst>;
}

/**
 * The first hour of probing, minute by minute, as the probe handlers run it: each region's shards, each minute's
 * rounds, the first in the scheduled invocation and each later one in its own (as `dueRounds` finds them). Every
 * check of an interval up to an hour repeats hourly, so this hour is every hour; a check that runs less often is
 * counted as its share of a probe in every minute's first round.
 */
function simulateProbingHour(
  monitor: ResolvedMonitor,
  regions: readonly string[],
  model: UsageModel,
): ProbingHour {
  const { concurrency } = model.probeShardCapacity;
  const hour: ProbingHour = {
    shards: 0,
    scheduledInvocations: 0,
    queuedInvocations: 0,
    waves: 0,
    sendBatches: 0,
    regionsWithQueuedRounds: 0,
    bursts: new Map(),
  };
  const burstAt = (region: string, minute: number, offsetMs: number): Burst => {
    const key = `${region}:${minute}:${offsetMs}`;
    let burst = hour.bursts.get(key);
    if (burst === undefined) {
      burst = { results: 0, checks: [] };
      hour.bursts.set(key, burst);
    }
    return burst;
  };
  const minutesPerHour = hourMs / minuteMs;
  for (const region of regions) {
    const regionChecks = checksForRegion(monitor, region);
    const shardCount = shardCountFor(regionChecks, model.probeShardCapacity);
    hour.shards += shardCount;
    const shards = Array.from({ length: shardCount }, (): ResolvedCheck[] => []);
    for (const check of regionChecks) shards[shardOf(check.id, shardCount)]?.push(check);
    const addRound = (minute: number, offsetMs: number, checks: readonly ResolvedCheck[], rare = 0) => {
      const burst = burstAt(region, minute, offsetMs);
      burst.results += checks.length + rare;
      burst.checks.push(...checks);
    };
    let queuedInRegion = 0;
    for (const shardChecks of shards) {
      // A check of a whole number of minutes is due at the start of the minutes its phase picks (its interval
      // divides an hour); the others may be due anywhere in a minute, which dueRounds finds.
      const firstRoundChecks = Array.from({ length: minutesPerHour }, (): ResolvedCheck[] => []);
      const anywhereInMinute: ResolvedCheck[] = [];
      let rarePerMinute = 0;
      for (const check of shardChecks) {
        if (check.intervalMs > hourMs) rarePerMinute += minuteMs / check.intervalMs;
        else if (check.intervalMs % minuteMs === 0) {
          for (let atMs = checkPhaseMs(check); atMs < hourMs; atMs += check.intervalMs) {
            firstRoundChecks[atMs / minuteMs]?.push(check);
          }
        } else anywhereInMinute.push(check);
      }
      for (let minute = 0; minute < minutesPerHour; minute++) {
        hour.scheduledInvocations += 1;
        const firstRound = firstRoundChecks[minute] ?? [];
        const rounds = anywhereInMinute.length === 0 ? [] : dueRounds(anywhereInMinute, minute * minuteMs);
        let later = 0;
        for (const round of rounds) {
          if (round.offsetMs === 0) {
            firstRound.push(...round.checks);
            continue;
          }
          later += 1;
          hour.waves += Math.ceil(round.checks.length / concurrency);
          addRound(minute, round.offsetMs, round.checks);
        }
        if (firstRound.length > 0 || rarePerMinute > 0) addRound(minute, 0, firstRound, rarePerMinute);
        hour.waves += Math.ceil((firstRound.length + rarePerMinute) / concurrency);
        hour.queuedInvocations += later;
        queuedInRegion += later;
        hour.sendBatches += Math.ceil(later / model.sqsMessagesPerSendBatch);
      }
    }
    if (queuedInRegion > 0) hour.regionsWithQueuedRounds += 1;
  }
  return hour;
}

function writeUnits(itemBytes: number): number {
  return Math.max(1, Math.ceil(itemBytes / 1024));
}

/** Read request units of one eventually consistent read of an item: half a unit per started 4 KB. */
function eventuallyConsistentReadUnits(itemBytes: number): number {
  return Math.max(1, Math.ceil(itemBytes / 4096)) / 2;
}

function gbSecondsOf(ms: number, memoryMb: number): number {
  return (ms / 1000) * (memoryMb / 1024);
}

function sum<T>(items: readonly T[], amountOf: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += amountOf(item);
  return total;
}

/** A count for a line's detail: `12,960,000`, or `0.25` when fractional. */
function formatCount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 });
}

function gb(value: number): string {
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} GB`;
}
