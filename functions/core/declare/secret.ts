import type { HeaderValue, SecretRef } from './declarations';

/**
 * Marks a header value as a secret read at run time, so that only the reference is stored and shipped.
 * @param ref An SSM parameter name (`'/lookout/orders-token'`, a SecureString) or a Secrets Manager
 *   name or ARN prefixed with `secretsmanager:` (`'secretsmanager:prod/orders-token'`).
 * @example headers: { authorization: secret('/lookout/orders-token') }
 */
export function secret(ref: string): SecretRef {
  return { kind: 'secret', ref };
}

/** Whether a header value (or anything else) is a secret reference built with `secret()`. */
export function isSecretRef(value: HeaderValue | unknown): value is SecretRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'secret' &&
    typeof (value as { ref?: unknown }).ref === 'string'
  );
}
