import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Deadline } from './deadline';
import { ProbeFailure } from './probe-failure';
import type { ProbeTrace } from './probe-trace';

/**
 * Resolves `host` to its addresses in the resolver's order (as `getaddrinfo` and /etc/hosts give them),
 * timing it into `trace.phases.dnsMs` (0 for an IP literal).
 */
export async function resolveHost(host: string, deadline: Deadline, trace: ProbeTrace): Promise<string[]> {
  const bareHost = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bareHost)) return [bareHost];
  const startedAt = performance.now();
  try {
    const addresses = await deadline.race(
      lookup(bareHost, { all: true }),
      () =>
        new ProbeFailure(
          'TIMEOUT',
          `DNS lookup of ${bareHost} did not finish within ${deadline.timeoutMs} ms`,
          'dns',
        ),
    );
    return addresses.map((entry) => entry.address);
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ProbeFailure('DNS_FAILURE', `DNS lookup of ${bareHost} failed (${code})`, 'dns');
  } finally {
    trace.phases.dnsMs = performance.now() - startedAt;
  }
}
