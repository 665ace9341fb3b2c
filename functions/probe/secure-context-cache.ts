import { createHash } from 'node:crypto';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { ResolvedTlsOptions } from '../core/resolve/resolved-monitor';

const contexts = new Map<string, SecureContext>();

/**
 * A TLS context per (extra CA, minimum version, key exchange groups, client certificate), built once: parsing the
 * root store for every probe would cost CPU for nothing. Sharing a context does not resume sessions: a client
 * resumes only when given a session. `clientKeyPem` is the client certificate's key, read from its secret; the
 * cache is keyed by its hash, never by the key itself.
 */
export function secureContextFor(options: ResolvedTlsOptions, clientKeyPem?: string): SecureContext {
  const groups = options.keyExchangeGroups.join(':');
  const clientCertificate = options.clientCertificate?.cert;
  const withClientCertificate = clientCertificate !== undefined && clientKeyPem !== undefined;
  const keyHash = withClientCertificate ? createHash('sha256').update(clientKeyPem).digest('hex') : '';
  const key = `${options.minVersion}\n${groups}\n${options.ca ?? ''}\n${withClientCertificate ? clientCertificate : ''}\n${keyHash}`;
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({
      minVersion: options.minVersion,
      ecdhCurve: groups,
      ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
      ...(withClientCertificate ? { cert: clientCertificate, key: clientKeyPem } : {}),
    });
    contexts.set(key, context);
  }
  return context;
}
