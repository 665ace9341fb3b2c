import { dayMs, minuteMs } from '../declare/duration';
import type { ResolvedMonitor } from '../resolve/resolved-monitor';
import { statusPageRefreshMs } from '../status-page/status-page-site';
import type { UsageModel } from './usage-model';

/** Binary gigabytes, as AWS bills storage and transfer. */
const bytesPerGb = 1024 ** 3;

/** Files of a listed check besides its part of the page: its badges. */
const badgesPerCheck = 6;

/** What a declared status page adds in a month, as the estimate counts it. */
export interface StatusPageUsage {
  /** Listed checks that are deployed. */
  listedChecks: number;
  /** Regenerations: every 5 minutes, and at each state change of a listed check. */
  regenerations: number;
  /** DynamoDB read request units: the regenerations' reads, and state checks of listed checks outside shard 0. */
  readUnits: number;
  /** Lambda GB-seconds in the sweep (at its memory). */
  gbSeconds: number;
  /** S3 PUT requests (the page and status.json at each regeneration, the feed, changed badges) and listings. */
  s3PutRequests: number;
  /** S3 GET requests: CloudFront fetching a file whose minute in the cache ran out (at most one per request). */
  s3GetRequests: number;
  /** What the bucket holds, GB. */
  s3StoredGb: number;
  /** The assumed traffic: page loads, `status.json` fetches, badge fetches. */
  traffic: { pageViews: number; jsonFetches: number; badgeFetches: number };
  /** CloudFront HTTPS requests at the assumed traffic. */
  cloudFrontRequests: number;
  /** CloudFront data transfer out, GB, compressed. */
  cloudFrontGb: number;
}

/**
 * What the monitor's status page costs in a month, or undefined without one. The traffic is an assumption
 * (`UsageModel.statusPageViewsPerMonth` and the others): 20,000 page loads, one integration polling `status.json`
 * every minute, 50,000 badge fetches. Each page load sends the compressed page (about 0.3 KB per listed check);
 * the page fetches nothing else.
 */
export function statusPageUsage(
  monitor: ResolvedMonitor,
  model: UsageModel,
  sweepShards: number,
  homeFunctionMemoryMb: number,
): StatusPageUsage | undefined {
  const page = monitor.statusPage;
  if (page === undefined) return undefined;
  const listedChecks = monitor.checks.filter((check) => page.checks.includes(check.id)).length;
  const minutes = model.monthMs / minuteMs;
  const days = model.monthMs / dayMs;
  const stateChanges = listedChecks * model.alertEventsPerCheckMonth;
  const regenerations = model.monthMs / statusPageRefreshMs + stateChanges;
  const outsideFirstShard = listedChecks * ((sweepShards - 1) / sweepShards);
  const readUnits =
    regenerations * listedChecks * model.statusPageReadUnitsPerCheck +
    minutes * outsideFirstShard * model.statusPageStateReadUnitsPerCheckMinute;
  const lambdaMs =
    regenerations * (model.statusPageRegenerationBaseMs + listedChecks * model.statusPageMsPerCheck);
  const s3PutRequests =
    regenerations * 2 +
    stateChanges +
    listedChecks * model.statusPageBadgeChangesPerCheckDay * days +
    model.statusPageListingsPerMonth;
  const cloudFrontRequests =
    model.statusPageViewsPerMonth +
    model.statusPageJsonFetchesPerMonth +
    model.statusPageBadgeFetchesPerMonth;
  const cloudFrontBytes =
    model.statusPageViewsPerMonth * listedChecks * model.statusPagePageBytesPerCheck.compressed +
    model.statusPageJsonFetchesPerMonth * listedChecks * model.statusPageJsonBytesPerCheck.compressed +
    model.statusPageBadgeFetchesPerMonth * model.statusPageBadgeBytes.compressed;
  const storedBytes =
    listedChecks *
    (model.statusPagePageBytesPerCheck.stored +
      model.statusPageJsonBytesPerCheck.stored +
      badgesPerCheck * model.statusPageBadgeBytes.stored);
  return {
    listedChecks,
    regenerations,
    readUnits,
    gbSeconds: (lambdaMs / 1000) * (homeFunctionMemoryMb / 1024),
    s3PutRequests,
    s3GetRequests: cloudFrontRequests,
    s3StoredGb: storedBytes / bytesPerGb,
    traffic: {
      pageViews: model.statusPageViewsPerMonth,
      jsonFetches: model.statusPageJsonFetchesPerMonth,
      badgeFetches: model.statusPageBadgeFetchesPerMonth,
    },
    cloudFrontRequests,
    cloudFrontGb: cloudFrontBytes / bytesPerGb,
  };
}
