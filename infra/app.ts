/**
 * The CDK app (`cdk.json`): loads the checks module (`checks/index.ts`, or the path in LOOKOUT_CHECKS), validates
 * it and adds Lookout's stacks (`Lookout-Home`, `Lookout-Probe-<region>`) to the app itself, so that
 * `cdk deploy --all` deploys them; cdk-nag checks them. An invalid monitor stops synth with every problem listed.
 * Synth needs no AWS credentials: each stack names its region and leaves the account to the deploy.
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
try {
  // Validated by the stage: the declaration's type is not trusted.
  new Lookout(app, 'Lookout', { monitor: exported as never });
} catch (error) {
  if (!isLookoutError(error, 'LOOKOUT_INVALID_MONITOR')) throw error;
  console.error(`${checksModule}\n${error.message}`);
  process.exit(1);
}
addLookoutNagChecks(app);
app.synth();
