import { isIP } from 'node:net';
import type { Deadline } from './deadline';
import type { HostResolver } from './host-resolver';
import { ProbeFailure } from './probe-failure';
import type { ProbeTrace } from './probe-trace';

/**
 * Resolves `host` to its addresses in the resolver's order, timing it into `trace.phases.dnsMs`
 * (0 for an IP literal, which is never looked up).
 */
export async function resolveHost(
  host: string,
  resolver: HostResolver,
  deadline: Deadline,
  trace: ProbeTrace,
): Promise<string[]> {
  const bareHost = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bareHost)) return [bareHost];
  const startedAt = performance.now();
  try {
    const addresses = await deadline.race(
      resolver(bareHost),
      () =>
        new ProbeFailure(
          'TIMEOUT',
          `DNS lookup of ${bareHost} did not finish within ${deadline.timeoutMs} ms`,
          'dns',
        ),
    );
    if (addresses.length === 0) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
    return addresses;
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ProbeFailure('DNS_FAILURE', `DNS lookup of ${bareHost} failed (${code})`, 'dns');
  } finally {
    trace.phases.dnsMs = performance.now() - startedAt;
  }
}
