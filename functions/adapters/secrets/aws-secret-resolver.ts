import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { SecretRef } from '../../core/declare/declarations';
import { describeError } from '../../core/lookout-error';
import { type RetryOptions, retryWithBackoff } from '../retry-with-backoff';
import { SecretNotResolvedError } from './secret-not-resolved-error';

/** The prefix of a Secrets Manager reference: `secretsmanager:<name or ARN>`. */
export const secretsManagerPrefix = 'secretsmanager:';

/** How the AWS secret resolver reads and caches secrets. */
export interface AwsSecretResolverOptions {
  /** An SSM client, for `/path` references (SecureString parameters, read with decryption). */
  ssm: SSMClient;
  /** A Secrets Manager client, for `secretsmanager:<name or ARN>` references. */
  secretsManager: SecretsManagerClient;
  /**
   * How long a value read is reused (per container), in milliseconds.
   * @default 300000 (5 minutes)
   */
  cacheTtlMs?: number;
  /** The clock, epoch milliseconds. */
  now: () => number;
  /**
   * How each read retries throttling, 5xx and network errors.
   * @default { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }
   */
  retry?: RetryOptions;
}

interface CacheEntry {
  value: Promise<string>;
  expiresAtMs: number;
}

/**
 * Resolves `secret()` header values from AWS: `/path` with SSM GetParameter (WithDecryption), and
 * `secretsmanager:<id>` with Secrets Manager GetSecretValue (SecretString). Values are cached per container
 * for `cacheTtlMs`; concurrent reads of the same reference share one request; a failed read is not cached.
 * Rejects with a `SecretNotResolvedError` that names the reference and never a value.
 */
export function createAwsSecretResolver(
  options: AwsSecretResolverOptions,
): (secret: SecretRef) => Promise<string> {
  const cacheTtlMs = options.cacheTtlMs ?? 300_000;
  const retry: RetryOptions = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000, ...options.retry };
  const cache = new Map<string, CacheEntry>();

  const read = async (ref: string): Promise<string> => {
    if (ref.startsWith(secretsManagerPrefix)) {
      const secretId = ref.slice(secretsManagerPrefix.length);
      const output = await request(ref, 'Secrets Manager', () =>
        options.secretsManager.send(new GetSecretValueCommand({ SecretId: secretId })),
      );
      if (output.SecretString === undefined) {
        throw new SecretNotResolvedError(
          ref,
          'the secret has no SecretString (binary secrets are not supported)',
        );
      }
      return nonEmpty(ref, output.SecretString);
    }
    if (ref.startsWith('/')) {
      const output = await request(ref, 'SSM Parameter Store', () =>
        options.ssm.send(new GetParameterCommand({ Name: ref, WithDecryption: true })),
      );
      const value = output.Parameter?.Value;
      if (value === undefined) throw new SecretNotResolvedError(ref, 'SSM returned no value');
      return nonEmpty(ref, value);
    }
    throw new SecretNotResolvedError(
      ref,
      `a reference is an SSM parameter name starting with '/' or '${secretsManagerPrefix}<name or ARN>'`,
    );
  };

  const request = async <T>(ref: string, service: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await retryWithBackoff(send, retry);
    } catch (error) {
      throw new SecretNotResolvedError(ref, `${service} answered ${describeError(error)}`, error);
    }
  };

  return (secret) => {
    const { ref } = secret;
    const nowMs = options.now();
    const cached = cache.get(ref);
    if (cached !== undefined && nowMs < cached.expiresAtMs) return cached.value;
    const entry: CacheEntry = { value: read(ref), expiresAtMs: nowMs + cacheTtlMs };
    cache.set(ref, entry);
    entry.value.catch(() => {
      if (cache.get(ref) === entry) cache.delete(ref);
    });
    return entry.value;
  };
}

function nonEmpty(ref: string, value: string): string {
  if (value === '') throw new SecretNotResolvedError(ref, 'the value is empty');
  return value;
}
