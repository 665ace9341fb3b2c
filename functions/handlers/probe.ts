// The probe function's entry point (one per probe region): built once per container, then one call a minute.
import { createAwsProbeAdapters } from '../adapters/aws-probe-adapters';
import { loadBundledMonitor } from './bundled-monitor';
import { requireEnvironment } from './handler-environment';
import { jsonLog } from './json-log';
import { createProbeHandler } from './probe-handler';

const env = requireEnvironment(['LOOKOUT_TABLE_NAME', 'LOOKOUT_HOME_REGION', 'AWS_REGION']);

export const handler = createProbeHandler({
  monitor: loadBundledMonitor(),
  region: env.AWS_REGION,
  now: Date.now,
  log: jsonLog,
  ...createAwsProbeAdapters({
    homeRegion: env.LOOKOUT_HOME_REGION,
    region: env.AWS_REGION,
    tableName: env.LOOKOUT_TABLE_NAME,
  }),
});
