import { createAwsEvaluationAdapters } from '../adapters/aws-evaluation-adapters';
import { handlerEnvironment, handlerVariables, lambdaVariables } from '../core/contract/handler-environment';
import type { EvaluationDeps } from '../runtime/evaluation-deps';
import { loadBundledMonitor } from './bundled-monitor';
import { requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';

/**
 * The evaluate and sweep functions' dependencies, built once per container; each invocation gets its own
 * owner id, so that its delivery leases are its own. Both run in the home region: their own region is it.
 */
export function evaluationDepsFromEnvironment(handler: 'evaluate' | 'sweep'): () => EvaluationDeps {
  const env = requireEnvironment([...handlerEnvironment[handler], lambdaVariables.region]);
  const monitor = loadBundledMonitor();
  const adapters = createAwsEvaluationAdapters({
    homeRegion: env[lambdaVariables.region],
    tableName: env[handlerVariables.tableName],
    topicArn: env[handlerVariables.topicArn],
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
