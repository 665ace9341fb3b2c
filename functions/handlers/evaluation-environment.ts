import { createAwsEvaluationAdapters } from '../adapters/aws-evaluation-adapters';
import type { EvaluationDeps } from '../runtime/evaluation-deps';
import { loadBundledMonitor } from './bundled-monitor';
import { requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';

/**
 * The evaluate and sweep functions' dependencies, built once per container; each invocation gets its own
 * owner id, so that its delivery leases are its own.
 */
export function evaluationDepsFromEnvironment(): () => EvaluationDeps {
  const env = requireEnvironment(['LOOKOUT_TABLE_NAME', 'LOOKOUT_TOPIC_ARN', 'AWS_REGION']);
  const dashboardUrl = process.env.LOOKOUT_DASHBOARD_URL;
  const monitor = loadBundledMonitor();
  const adapters = createAwsEvaluationAdapters({
    homeRegion: env.AWS_REGION,
    tableName: env.LOOKOUT_TABLE_NAME,
    topicArn: env.LOOKOUT_TOPIC_ARN,
  });
  return () => ({
    monitor,
    ...adapters,
    owner: crypto.randomUUID(),
    now: Date.now,
    log: jsonLog,
    ...(dashboardUrl ? { dashboardUrl } : {}),
  });
}
