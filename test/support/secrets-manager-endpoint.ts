import type { AwsEndpoint } from './aws-endpoint';
import { type JsonRpcCall, startJsonRpcEndpoint } from './json-rpc-endpoint';

/** A secret held by the loopback endpoint: a string, or binary (no SecretString). */
export type StoredSecret = { string: string } | { binary: Uint8Array };

/** A loopback Secrets Manager endpoint serving GetSecretValue. */
export interface SecretsManagerEndpoint extends AwsEndpoint {
  /** The decoded GetSecretValue calls, in order. */
  calls: JsonRpcCall[];
}

/**
 * Starts a loopback Secrets Manager endpoint (awsJson 1.1, `x-amz-target: secretsmanager.GetSecretValue`)
 * answering from `secrets` by name or ARN; unknown ones get `ResourceNotFoundException`.
 */
export async function startSecretsManagerEndpoint(
  secrets: Record<string, StoredSecret>,
): Promise<SecretsManagerEndpoint> {
  const calls: JsonRpcCall[] = [];
  const endpoint = await startJsonRpcEndpoint(
    'secretsmanager',
    ({ operation, input }) => {
      if (operation !== 'GetSecretValue') {
        return {
          ok: false,
          status: 400,
          type: 'InvalidRequestException',
          message: `unsupported ${operation}`,
        };
      }
      const id = String(input.SecretId);
      const secret = secrets[id];
      if (secret === undefined) {
        return {
          ok: false,
          status: 400,
          type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        };
      }
      return {
        ok: true,
        body: {
          ARN: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${id}-AbCdEf`,
          Name: id,
          VersionId: '01234567-89ab-cdef-0123-456789abcdef',
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 1_740_830_580,
          ...('string' in secret
            ? { SecretString: secret.string }
            : { SecretBinary: Buffer.from(secret.binary).toString('base64') }),
        },
      };
    },
    calls,
  );
  return { ...endpoint, calls };
}
