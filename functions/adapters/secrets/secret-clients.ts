import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { type AwsClientOptions, awsClientConfig } from '../aws-client-config';

/** An SSM client for the secret resolver (`/path` references). */
export function createSsmClient(options: AwsClientOptions): SSMClient {
  return new SSMClient(awsClientConfig(options));
}

/** A Secrets Manager client for the secret resolver (`secretsmanager:` references). */
export function createSecretsManagerClient(options: AwsClientOptions): SecretsManagerClient {
  return new SecretsManagerClient(awsClientConfig(options));
}
