// The probe function's entry point (one per probe region): built once per container, then invoked by the
// scheduler once a minute per shard, and by the round queue for each later round of a minute.
import { createAwsProbeAdapters } from '../adapters/aws-probe-adapters';
import {
  handlerEnvironment,
  handlerVariables,
  lambdaVariables,
  optionalHandlerEnvironment,
} from '../core/contract/handler-environment';
import { minuteMs } from '../core/declare/duration';
import { checksForRegion } from '../core/schedule/placement';
import { loadBundledMonitor } from './bundled-monitor';
import { optionalEnvironment, requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';
import { createProbeHandler } from './probe-handler';

const env = requireEnvironment([...handlerEnvironment.probe, lambdaVariables.region]);
const optional = optionalEnvironment(optionalHandlerEnvironment.probe);
const region = env[lambdaVariables.region];
const monitor = loadBundledMonitor();
const checks = checksForRegion(monitor, region);
const roundQueueUrl = optional[handlerVariables.roundQueueUrl];
if (roundQueueUrl === undefined && checks.some((check) => check.intervalMs < minuteMs)) {
  throw new Error(
    `checks in ${region} run more often than once a minute, but ${handlerVariables.roundQueueUrl} is not set: ` +
      'the stack creates the round queue for them; deploy the probe stack of this Lookout version',
  );
}

export const handler = createProbeHandler({
  monitor,
  region,
  now: Date.now,
  log: jsonLog,
  logResult: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  ...createAwsProbeAdapters({
    homeRegion: env[handlerVariables.homeRegion],
    region,
    tableName: env[handlerVariables.tableName],
    checks,
    ...(roundQueueUrl === undefined ? {} : { roundQueueUrl }),
  }),
});
