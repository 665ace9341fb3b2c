import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { Construct } from 'constructs';

/**
 * Runs cdk-nag's AwsSolutions and Serverless packs at synth on every stack of the stage that holds `scope`
 * (usually the app), nested stages included. A finding without an acknowledgement fails synth; Lookout's
 * acknowledgements are next to the resources they concern.
 */
export function addLookoutNagChecks(scope: Construct): void {
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope), new ServerlessChecks(scope));
}
