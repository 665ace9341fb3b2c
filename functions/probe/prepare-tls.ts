import type { SecureContext } from 'node:tls';
import type { ResolvedTlsOptions } from '../core/resolve/resolved-monitor';
import type { ProbeContext } from './probe-context';
import { ProbeFailure } from './probe-failure';
import { secureContextFor } from './secure-context-cache';
import { warmUpSecureContext } from './warm-up';

/** Each secure context's first handshake, done once in memory before a probe uses it (see `warmUpSecureContext`). */
const contextWarmUps = new WeakMap<SecureContext, Promise<void>>();

/** A check's TLS options with their secure context, built before the probe's clock starts. */
export interface PreparedTls {
  options: ResolvedTlsOptions;
  /** The CA, version floor, groups and client certificate, ready for a handshake. */
  secureContext: SecureContext;
}

/**
 * Reads the client certificate's key from its secret (if the options have one) and builds, or takes from the
 * cache, the secure context, warmed up by one in-memory handshake when new: Lookout's own work, done before any
 * phase is timed. A key that cannot be read or does
 * not load fails the probe with `INTERNAL` in the `setup` phase, naming only the secret's reference.
 */
export async function prepareTls(
  options: ResolvedTlsOptions,
  resolveSecret: ProbeContext['resolveSecret'],
): Promise<PreparedTls> {
  const clientCertificate = options.clientCertificate;
  let clientKeyPem: string | undefined;
  if (clientCertificate !== undefined) {
    try {
      clientKeyPem = await resolveSecret(clientCertificate.key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      throw new ProbeFailure(
        'INTERNAL',
        `could not read secret ${clientCertificate.key.ref} for the client certificate’s key (${reason})`,
        'setup',
      );
    }
  }
  try {
    const secureContext = secureContextFor(options, clientKeyPem);
    let warmedUp = contextWarmUps.get(secureContext);
    if (warmedUp === undefined) {
      warmedUp = warmUpSecureContext(secureContext);
      contextWarmUps.set(secureContext, warmedUp);
    }
    await warmedUp;
    return { options, secureContext };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const what =
      clientCertificate === undefined
        ? 'the TLS options'
        : `the client certificate with the key in secret ${clientCertificate.key.ref}`;
    throw new ProbeFailure('INTERNAL', `could not load ${what}: ${reason}`, 'setup');
  }
}
