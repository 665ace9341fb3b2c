import { createAwsEvaluationAdapters } from '../adapters/aws-evaluation-adapters';
import type { ChatTopicOptions } from '../adapters/notifiers/sns-notifier';
import { createLazyS3StatusPagePublisher } from '../adapters/status-page/lazy-s3-publisher';
import {
  handlerEnvironment,
  handlerVariables,
  lambdaVariables,
  optionalHandlerEnvironment,
} from '../core/contract/handler-environment';
import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';
import type { EvaluationDeps } from '../runtime/evaluation-deps';
import { StatusPageRefresher } from '../runtime/refresh-status-page';
import { loadBundledMonitor } from './bundled-monitor';
import { optionalEnvironment, requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';

/**
 * The evaluate and sweep functions' dependencies, built once per container; each invocation gets its own
 * owner id, so that its delivery leases are its own. Both run in the home region: their own region is it.
 */
export function evaluationDepsFromEnvironment(
  handler: 'evaluate' | 'sweep',
  monitor: ResolvedMonitor = loadBundledMonitor(),
): () => EvaluationDeps {
  const env = requireEnvironment([...handlerEnvironment[handler], lambdaVariables.region]);
  const adapters = createAwsEvaluationAdapters({
    homeRegion: env[lambdaVariables.region],
    tableName: env[handlerVariables.tableName],
    topicArn: env[handlerVariables.topicArn],
    ...chatTopicFromEnvironment(handler, monitor),
    checks: monitor.checks,
  });
  const dashboardUrl = env[handlerVariables.dashboardUrl];
  return () => ({
    monitor,
    ...adapters,
    owner: crypto.randomUUID(),
    now: Date.now,
    log: jsonLog,
    dashboardUrl,
  });
}

/**
 * The sweep's status page refresher, when the monitor declares a status page: it publishes to the bucket the
 * infrastructure names (`LOOKOUT_STATUS_PAGE_BUCKET`, with links to `LOOKOUT_STATUS_PAGE_URL`). Undefined without
 * a status page; throws at cold start when the monitor declares one and the bucket is not named.
 */
export function statusPageRefresherFromEnvironment(
  monitor: ResolvedMonitor,
  env: Readonly<Record<string, string | undefined>> = process.env,
): StatusPageRefresher | undefined {
  const page = monitor.statusPage;
  if (page === undefined) return undefined;
  const { [lambdaVariables.region]: region } = requireEnvironment([lambdaVariables.region], env);
  const optional = optionalEnvironment(optionalHandlerEnvironment.sweep, env);
  const bucket = optional[handlerVariables.statusPageBucket];
  if (bucket === undefined) {
    throw new Error(
      `the monitor declares a status page, and ${handlerVariables.statusPageBucket} names no bucket to publish it to`,
    );
  }
  const pageUrl = optional[handlerVariables.statusPageUrl];
  return new StatusPageRefresher({
    page,
    publisher: createLazyS3StatusPagePublisher({ region, bucket }),
    ...(pageUrl === undefined ? {} : { pageUrl }),
  });
}

/**
 * The chat topic the notifier publishes every event to as well, when the monitor declares `alerts.chat`: the
 * topic the infrastructure names in `LOOKOUT_CHAT_TOPIC_ARN` (set exactly then), with the declared status page
 * link. Nothing without `alerts.chat`; throws at cold start when the monitor declares it and the variable is
 * not set, rather than leave the chat channel silent.
 */
export function chatTopicFromEnvironment(
  handler: 'evaluate' | 'sweep',
  monitor: ResolvedMonitor,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { chat?: ChatTopicOptions } {
  const chat = monitor.alerts.chat;
  if (chat === undefined) return {};
  const topicArn = optionalEnvironment(optionalHandlerEnvironment[handler], env)[
    handlerVariables.chatTopicArn
  ];
  if (topicArn === undefined) {
    throw new Error(
      `the monitor declares alerts.chat, and ${handlerVariables.chatTopicArn} names no chat topic to publish to`,
    );
  }
  return {
    chat: { topicArn, ...(chat.statusPageUrl === undefined ? {} : { statusPageUrl: chat.statusPageUrl }) },
  };
}
