import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type AwsClientOptions, awsClientConfig } from '../aws-client-config';

/** How to reach DynamoDB: the options of every AWS client here (the SDK's own retries default to 1 call). */
export type DynamoDbClientOptions = AwsClientOptions;

/** A DynamoDB client for the store. Reads no environment: callers pass the region and endpoint. */
export function createDynamoDbClient(options: DynamoDbClientOptions): DynamoDBClient {
  return new DynamoDBClient(awsClientConfig(options));
}
