// The probe function's entry point (one per probe region): built once per container, then one call a minute.
import { createAwsProbeAdapters } from '../adapters/aws-probe-adapters';
import { handlerEnvironment, handlerVariables, lambdaVariables } from '../core/contract/handler-environment';
import { loadBundledMonitor } from './bundled-monitor';
import { requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';
import { createProbeHandler } from './probe-handler';

const env = requireEnvironment([...handlerEnvironment.probe, lambdaVariables.region]);

export const handler = createProbeHandler({
  monitor: loadBundledMonitor(),
  region: env[lambdaVariables.region],
  now: Date.now,
  log: jsonLog,
  ...createAwsProbeAdapters({
    homeRegion: env[handlerVariables.homeRegion],
    region: env[lambdaVariables.region],
    tableName: env[handlerVariables.tableName],
  }),
});
