// The heartbeat ping function's entry point (home region, only with heartbeat checks), behind its Function URL.
import { createAwsPingAdapters } from '../adapters/aws-ping-adapters';
import { handlerEnvironment, handlerVariables, lambdaVariables } from '../core/contract/handler-environment';
import { loadBundledMonitor } from './bundled-monitor';
import { requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';
import { createPingHandler } from './ping-handler';

const env = requireEnvironment([...handlerEnvironment.ping, lambdaVariables.region]);
const monitor = loadBundledMonitor();

export const handler = createPingHandler({
  monitor,
  adapters: createAwsPingAdapters({
    region: env[lambdaVariables.region],
    tableName: env[handlerVariables.tableName],
    checks: monitor.checks,
  }),
  now: Date.now,
  log: jsonLog,
});
