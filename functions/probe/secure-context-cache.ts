import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { ResolvedTlsOptions } from '../core/resolved-monitor';

const contexts = new Map<string, SecureContext>();

/**
 * A TLS context per (extra CA, minimum version), built once: parsing the root store for every probe would
 * cost CPU for nothing. Sharing a context does not resume sessions: a client resumes only when given a session.
 */
export function secureContextFor(options: ResolvedTlsOptions): SecureContext {
  const key = `${options.minVersion}\n${options.ca ?? ''}`;
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({
      minVersion: options.minVersion,
      ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
    });
    contexts.set(key, context);
  }
  return context;
}
