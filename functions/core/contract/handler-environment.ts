/**
 * The environment of Lookout's Lambda functions, shared by the infrastructure (which sets it) and the handlers
 * (which read it). Each function gets exactly the variables listed for it here: no more (a variable set and
 * never read is a second, unchecked copy of a fact) and no fewer (a handler fails at cold start without them).
 * A test holds the synthesized templates to this.
 */

/**
 * A Lookout Lambda function; each is an entry point in functions/handlers (`<name>.ts`). `ping` exists only where
 * the monitor declares heartbeat checks.
 */
export type HandlerName = 'probe' | 'evaluate' | 'sweep' | 'ping';

/** The names of the variables the infrastructure sets, by what they hold. */
export const handlerVariables = {
  /** The results table's name (the table is in the home region). */
  tableName: 'LOOKOUT_TABLE_NAME',
  /**
   * The home region, where the table and the secrets are. Only the probe function reads it: it runs in every
   * probe region; evaluate and sweep run in the home region, so their own region (`AWS_REGION`) is it.
   */
  homeRegion: 'LOOKOUT_HOME_REGION',
  /** The alert topic's ARN. */
  topicArn: 'LOOKOUT_TOPIC_ARN',
  /** The dashboard's console URL, which every event links to. */
  dashboardUrl: 'LOOKOUT_DASHBOARD_URL',
  /**
   * The URL of the probe region's round queue (core/contract/schedule-input.ts `RoundInput`), through which the
   * probe function starts the later rounds of a minute. Set only where the region has sub-minute checks (the
   * queue exists only there); a probe function whose checks need it fails at cold start without it.
   */
  roundQueueUrl: 'LOOKOUT_ROUND_QUEUE_URL',
  /**
   * The status page's S3 bucket, which the first sweep shard publishes the page to. Set only where the monitor
   * declares a `statusPage` (the bucket exists only then); a sweep whose monitor declares one fails at cold start
   * without it.
   */
  statusPageBucket: 'LOOKOUT_STATUS_PAGE_BUCKET',
  /** The status page's public URL (its CloudFront address, ending in `/`), for the feed's links; set with the bucket. */
  statusPageUrl: 'LOOKOUT_STATUS_PAGE_URL',
  /**
   * The chat topic's ARN (`alerts.chat`): every event is published there too, as an Amazon Q Developer custom
   * notification. Set on evaluate and sweep only where the monitor declares `alerts.chat` (the topic exists
   * only then); a function whose monitor declares it fails at cold start without it.
   */
  chatTopicArn: 'LOOKOUT_CHAT_TOPIC_ARN',
} as const;

/** The variables evaluate and sweep read: both build the same dependencies. */
const homeFunctionVariables = [
  handlerVariables.tableName,
  handlerVariables.topicArn,
  handlerVariables.dashboardUrl,
] as const;

/** The variables each function reads, which the infrastructure sets on it: exactly these. */
export const handlerEnvironment = {
  probe: [handlerVariables.tableName, handlerVariables.homeRegion],
  evaluate: homeFunctionVariables,
  sweep: homeFunctionVariables,
  // The ping function runs in the home region: its own region (`AWS_REGION`) is the table's and the tokens'.
  ping: [handlerVariables.tableName],
} as const satisfies Record<HandlerName, readonly string[]>;

/**
 * The variables a function reads when the infrastructure sets them, which it does only where they apply (and
 * then the function needs them): exactly these, beside `handlerEnvironment`.
 */
export const optionalHandlerEnvironment = {
  probe: [handlerVariables.roundQueueUrl],
  evaluate: [handlerVariables.chatTopicArn],
  sweep: [handlerVariables.statusPageBucket, handlerVariables.statusPageUrl, handlerVariables.chatTopicArn],
  ping: [],
} as const satisfies Record<HandlerName, readonly string[]>;

/** A variable a function always reads. */
export type HandlerVariable<Handler extends HandlerName> = (typeof handlerEnvironment)[Handler][number];

/** A variable a function reads where the infrastructure sets it. */
export type OptionalHandlerVariable<Handler extends HandlerName> =
  (typeof optionalHandlerEnvironment)[Handler][number];

/** The environment the infrastructure gives a function: a value for each variable it reads. */
export type HandlerEnvironment<Handler extends HandlerName> = Record<HandlerVariable<Handler>, string> &
  Partial<Record<OptionalHandlerVariable<Handler>, string>>;

/** Variables the Lambda runtime sets, which handlers read too; the infrastructure never sets them. */
export const lambdaVariables = {
  /** The region the function runs in. */
  region: 'AWS_REGION',
} as const;
