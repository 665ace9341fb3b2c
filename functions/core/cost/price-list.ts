/**
 * The list prices `lookout cost` uses, in one place: AWS on-demand prices of us-east-1 (US East, N. Virginia) in
 * USD, and the prices of the services it is compared with. No free tier is subtracted (an account's free tier is
 * shared with everything else in it), and no discount or savings plan applied. Other regions charge about the
 * same for most of these, some up to 50 % more.
 *
 * Each price was checked against the providers' pricing pages (or, where those were not at hand, against
 * several independent copies of them) on `priceListCheckedOn`; the few taken from memory without a source at
 * hand say so.
 */

/** One list price: `usd` for every `per` units of `unit`. */
export interface ListPrice {
  /** The price in USD of `per` units. */
  usd: number;
  /** How many units `usd` buys: 1, 1,000, 1,000,000. */
  per: number;
  /** The unit, singular, such as `'GB-second'`, `'write request unit'`, `'metric-month'`. */
  unit: string;
}

/** A tier of a tiered price: `price` applies to the units beyond the previous tier, up to `upTo` (inclusive). */
export interface PriceTier {
  /** The last unit of this tier; `Infinity` for the last one. */
  upTo: number;
  price: ListPrice;
}

/** The day the prices were checked, ISO 8601. */
export const priceListCheckedOn = '2026-11-30';

/** The region whose prices these are. */
export const priceListRegion = 'us-east-1';

/** The currency. */
export const priceListCurrency = 'USD';

/** The prices of the AWS services Lookout uses, us-east-1. */
export const awsPrices = {
  /** Lambda on arm64 (Graviton), the first 7.5 billion GB-seconds a month; Lookout never reaches the next tier. */
  lambdaArmGbSecond: { usd: 0.0000133334, per: 1, unit: 'GB-second' },
  /** Lambda requests (invocations), any architecture. */
  lambdaRequest: { usd: 0.2, per: 1_000_000, unit: 'request' },
  /**
   * DynamoDB on-demand write request units (one standard write of up to 1 KB), after the November 2024 price cut
   * (from $1.25).
   */
  dynamodbWriteRequestUnit: { usd: 0.625, per: 1_000_000, unit: 'write request unit' },
  /**
   * DynamoDB on-demand read request units (one strongly consistent read of up to 4 KB, or two eventually
   * consistent ones), after the November 2024 price cut (from $0.25).
   */
  dynamodbReadRequestUnit: { usd: 0.125, per: 1_000_000, unit: 'read request unit' },
  /** DynamoDB Standard table class storage, beyond the first 25 GB (not subtracted). */
  dynamodbStorageGbMonth: { usd: 0.25, per: 1, unit: 'GB-month' },
  /** DynamoDB continuous backups (point-in-time recovery), by the table's size. */
  dynamodbPitrGbMonth: { usd: 0.2, per: 1, unit: 'GB-month' },
  /**
   * CloudWatch custom metrics, prorated by the hour in which each series gets a datum. Tiered per account and
   * region; `cloudWatchMetricTiers` holds the tiers, this is the first.
   */
  cloudWatchMetricMonth: { usd: 0.3, per: 1, unit: 'metric-month' },
  /**
   * CloudWatch API requests, PutMetricData among them (each call, whatever its datums).
   * Not confirmed against a pricing page at hand: the long-standing list price.
   */
  cloudWatchApiRequest: { usd: 0.01, per: 1_000, unit: 'request' },
  /**
   * A standard-resolution CloudWatch alarm on one metric, per month.
   * Not confirmed against a pricing page at hand: the long-standing list price.
   */
  cloudWatchAlarmMonth: { usd: 0.1, per: 1, unit: 'alarm-month' },
  /** A CloudWatch dashboard, per month (beyond the 3 free ones, not subtracted). */
  cloudWatchDashboardMonth: { usd: 3, per: 1, unit: 'dashboard-month' },
  /** CloudWatch Logs ingestion, Standard log class (Lambda logs: the first tier of vended-log pricing). */
  cloudWatchLogsIngestedGb: { usd: 0.5, per: 1, unit: 'GB' },
  /** CloudWatch Logs storage (archive), per GB-month. */
  cloudWatchLogsStoredGbMonth: { usd: 0.03, per: 1, unit: 'GB-month' },
  /** Amazon SNS standard topic publishes (each 64 KB chunk of a message is one). */
  snsPublish: { usd: 0.5, per: 1_000_000, unit: 'publish' },
  /** SNS deliveries to email addresses. */
  snsEmailDelivery: { usd: 2, per: 100_000, unit: 'email' },
  /** SNS deliveries to HTTP(S) endpoints. */
  snsHttpDelivery: { usd: 0.6, per: 1_000_000, unit: 'delivery' },
  /** A customer managed KMS key, per month (each yearly rotation adds $1 a month, for the first two). */
  kmsKeyMonth: { usd: 1, per: 1, unit: 'key-month' },
  /** KMS requests (GenerateDataKey, Decrypt, ...), symmetric keys. */
  kmsRequest: { usd: 0.03, per: 10_000, unit: 'request' },
  /** EventBridge Scheduler invocations (the first 14 million a month are free; not subtracted). */
  schedulerInvocation: { usd: 1, per: 1_000_000, unit: 'invocation' },
  /** SQS standard queue requests (each 64 KB chunk of a request is one). */
  sqsRequest: { usd: 0.4, per: 1_000_000, unit: 'request' },
  /**
   * Data transfer out of us-east-1 to another AWS region. The price depends on the source region: most charge
   * $0.02, São Paulo, Cape Town, Bahrain and a few Asian regions $0.08 to $0.147.
   */
  interRegionTransferGb: { usd: 0.02, per: 1, unit: 'GB' },
  /** S3 Standard PUT, COPY, POST and LIST requests (DELETE is free). */
  s3PutRequest: { usd: 0.005, per: 1_000, unit: 'request' },
  /** S3 Standard GET and all other requests. */
  s3GetRequest: { usd: 0.0004, per: 1_000, unit: 'request' },
  /** S3 Standard storage, the first 50 TB. */
  s3StorageGbMonth: { usd: 0.023, per: 1, unit: 'GB-month' },
  /**
   * CloudFront HTTPS requests from viewers in the United States, Mexico, Canada and Europe (elsewhere up to
   * $0.0220). CloudFront's always-free tier (10 million requests and 1 TB a month) is not subtracted.
   */
  cloudFrontHttpsRequest: { usd: 0.01, per: 10_000, unit: 'request' },
  /** CloudFront data transfer out to the internet, United States, Mexico, Canada and Europe, the first 10 TB. */
  cloudFrontTransferGb: { usd: 0.085, per: 1, unit: 'GB' },
} as const satisfies Record<string, ListPrice>;

/**
 * The tiers of CloudWatch custom metrics, per account and region. The first two were confirmed; the two beyond
 * 250,000 series are the long-standing list prices, not confirmed against a pricing page at hand.
 */
export const cloudWatchMetricTiers: readonly PriceTier[] = [
  { upTo: 10_000, price: awsPrices.cloudWatchMetricMonth },
  { upTo: 250_000, price: { usd: 0.1, per: 1, unit: 'metric-month' } },
  { upTo: 1_000_000, price: { usd: 0.05, per: 1, unit: 'metric-month' } },
  { upTo: Number.POSITIVE_INFINITY, price: { usd: 0.02, per: 1, unit: 'metric-month' } },
];

/** The prices of what Lookout is compared with, for the same checks. */
export const anchorPrices = {
  /** A CloudWatch Synthetics canary run (one region per canary); its Lambda, S3 and metrics cost extra. */
  syntheticsCanaryRun: { usd: 0.0012, per: 1, unit: 'canary run' },
  /** Checkly API check runs (each location of each run is a run), from prepaid bundles. */
  checklyApiRun: { usd: 2, per: 10_000, unit: 'API check run' },
  /** A Route 53 health check of an endpoint outside AWS, per month (probed from about 15 locations). */
  route53HealthCheckMonth: { usd: 0.75, per: 1, unit: 'health check-month' },
  /**
   * Each optional feature of a Route 53 health check of an endpoint outside AWS (HTTPS, string matching,
   * fast interval, latency measurement), per month. Not confirmed against a pricing page at hand (they say
   * "$1 or more"): the list price for non-AWS endpoints ($1.00 for AWS endpoints).
   */
  route53OptionalFeatureMonth: { usd: 2, per: 1, unit: 'feature-month' },
} as const satisfies Record<string, ListPrice>;

/** The USD of `quantity` units at `price`. */
export function priceOf(quantity: number, price: ListPrice): number {
  return (quantity * price.usd) / price.per;
}
