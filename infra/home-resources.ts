import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { metricsNamespace } from '../functions/core/contract/metric-names';

/**
 * ARNs of home-region resources, built from names (not references) so that a stack in any region can use
 * them; the account is the deploying stack's own.
 */
export function homeTableArn(scope: Construct, homeRegion: string, tableName: string): string {
  return Stack.of(scope).formatArn({
    service: 'dynamodb',
    region: homeRegion,
    resource: 'table',
    resourceName: tableName,
  });
}

/** The default event bus of the home region, where every Lookout alarm is routed. */
export function homeEventBusArn(scope: Construct, homeRegion: string): string {
  return Stack.of(scope).formatArn({
    service: 'events',
    region: homeRegion,
    resource: 'event-bus',
    resourceName: 'default',
  });
}

/**
 * Lets a role put metrics, only into Lookout's namespace. PutMetricData has no resource-level permissions, so
 * the resource is `*` and the namespace condition is what scopes it; the finding is acknowledged on the role.
 */
export function grantPutLookoutMetrics(role: iam.Role): void {
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': metricsNamespace } },
    }),
  );
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: `cloudwatch:PutMetricData supports no resource-level permissions; a condition limits it to the ${metricsNamespace} namespace.`,
  });
}
