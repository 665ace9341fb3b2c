import type { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableLayout } from '../functions/core/contract/table-layout';

/** Properties of the results table. */
export interface ResultsTableProps {
  /** The table's physical name (probe stacks in other regions address it by name). */
  tableName: string;
  /** Whether the table refuses to be deleted. */
  deletionProtection: boolean;
  /** What happens to the table when it leaves the stack. */
  removalPolicy: RemovalPolicy;
}

/**
 * The one table, laid out as `tableLayout` says: string partition and sort keys, on demand, point-in-time
 * recovery, TTL on its TTL attribute, a stream of new images for the evaluate function. Encrypted with the AWS managed key (`aws/dynamodb`): every use is in CloudTrail, and the
 * probe roles of other regions need no key grants.
 */
export function createResultsTable(scope: Construct, id: string, props: ResultsTableProps): dynamodb.Table {
  return new dynamodb.Table(scope, id, {
    tableName: props.tableName,
    partitionKey: { name: tableLayout.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: tableLayout.sortKey, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: tableLayout.ttlAttribute,
    stream: dynamodb.StreamViewType[tableLayout.streamViewType],
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    deletionProtection: props.deletionProtection,
    removalPolicy: props.removalPolicy,
  });
}
