import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { ResolvedTlsOptions } from '../core/resolve/resolved-monitor';

const contexts = new Map<string, SecureContext>();

/**
 * A TLS context per (extra CA, minimum version, key exchange groups), built once: parsing the root store for every probe would
 * cost CPU for nothing. Sharing a context does not resume sessions: a client resumes only when given a session.
 */
export function secureContextFor(options: ResolvedTlsOptions): SecureContext {
  const groups = options.keyExchangeGroups.join(':');
  const key = `${options.minVersion}\n${groups}\n${options.ca ?? ''}`;
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({
      minVersion: options.minVersion,
      ecdhCurve: groups,
      ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
    });
    contexts.set(key, context);
  }
  return context;
}
