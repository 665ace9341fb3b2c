import type { SecretRef } from '../../core/declare/declarations';
import { SecretNotResolvedError } from './secret-not-resolved-error';

/** The prefix of every environment variable that holds a secret on a developer's machine. */
export const secretEnvVarPrefix = 'LOOKOUT_SECRET_';

/**
 * The environment variable that holds a secret locally: the reference upper-cased, every run of
 * characters other than letters and digits turned into one `_`, leading and trailing `_` trimmed,
 * after `LOOKOUT_SECRET_` (`'/lookout/orders-token'` → `'LOOKOUT_SECRET_LOOKOUT_ORDERS_TOKEN'`).
 */
export function secretEnvVarName(ref: string): string {
  const normalized = ref
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${secretEnvVarPrefix}${normalized}`;
}

/**
 * Resolves `secret()` header values from environment variables named by `secretEnvVarName`.
 * A variable that is unset or empty rejects with a `SecretNotResolvedError` that names the variable, never a
 * value.
 */
export function createLocalSecretResolver(
  env: Readonly<Record<string, string | undefined>>,
): (secret: SecretRef) => Promise<string> {
  return async (secret) => {
    const name = secretEnvVarName(secret.ref);
    const value = env[name];
    if (value === undefined || value === '') {
      throw new SecretNotResolvedError(
        secret.ref,
        `it is not set locally: set the environment variable ${name}`,
      );
    }
    return value;
  };
}
