/**
 * The CDK app (`cdk.json`): loads the checks module (`checks/index.ts`, or the path in LOOKOUT_CHECKS), validates
 * it and adds Lookout's stacks (`Lookout-Home`, `Lookout-Probe-<region>`) to the app itself, so that
 * `cdk deploy --all` deploys them; cdk-nag checks them. An invalid monitor stops synth with every problem listed.
 * Synth needs no AWS credentials: each stack names its region and leaves the account to the deploy.
 * Context `pingReservedConcurrency` (`-c pingReservedConcurrency=false`, or a number) sets
 * `LookoutProps.pingReservedConcurrency`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { isLookoutError } from '../functions/core/lookout-error';
import { Lookout } from './lookout';
import { addLookoutNagChecks } from './nag-checks';

const checksModule = resolve(process.env.LOOKOUT_CHECKS ?? 'checks/index.ts');
const exported = ((await import(pathToFileURL(checksModule).href)) as { default?: unknown }).default;

const app = new App();
const pingReservedConcurrency = pingReservedConcurrencyOf(app.node.tryGetContext('pingReservedConcurrency'));
try {
  // Validated by the stage: the declaration's type is not trusted.
  new Lookout(app, 'Lookout', {
    monitor: exported as never,
    ...(pingReservedConcurrency === undefined ? {} : { pingReservedConcurrency }),
  });
} catch (error) {
  if (!isLookoutError(error, 'LOOKOUT_INVALID_MONITOR')) throw error;
  console.error(`${checksModule}\n${error.message}`);
  process.exit(1);
}
addLookoutNagChecks(app);
app.synth();

/** The `pingReservedConcurrency` context value: `false`, a whole number from 1, or nothing. */
function pingReservedConcurrencyOf(value: unknown): number | false | undefined {
  if (value === undefined) return undefined;
  if (value === false || value === 'false') return false;
  const count = Number(value);
  if (Number.isInteger(count) && count >= 1) return count;
  console.error(
    `context pingReservedConcurrency: "${String(value)}" is neither false nor a whole number from 1`,
  );
  process.exit(1);
}
