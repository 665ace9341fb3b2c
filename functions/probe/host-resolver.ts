import { lookup, Resolver } from 'node:dns/promises';

/**
 * Resolves a host name to its addresses, in the order to try them. Rejects with an errno-style
 * error (`code` such as `ENOTFOUND`) when the name does not resolve.
 */
export type HostResolver = (hostName: string) => Promise<string[]>;

/** The system's resolver (`getaddrinfo`): /etc/hosts first, then the configured DNS servers, as browsers and curl do. */
export const systemResolver: HostResolver = async (hostName) =>
  (await lookup(hostName, { all: true })).map((entry) => entry.address);

/**
 * Asks these DNS servers directly (`'1.1.1.1'`, `'127.0.0.1:5353'`), A and AAAA records at once,
 * bypassing /etc/hosts and the system's configuration. IPv4 addresses come first.
 */
export function dnsServerResolver(servers: string[], attemptTimeoutMs = 2_000): HostResolver {
  const resolver = new Resolver({ timeout: attemptTimeoutMs, tries: 2 });
  resolver.setServers(servers);
  return async (hostName) => {
    const [ipv4, ipv6] = await Promise.allSettled([resolver.resolve4(hostName), resolver.resolve6(hostName)]);
    const addresses = [
      ...(ipv4.status === 'fulfilled' ? ipv4.value : []),
      ...(ipv6.status === 'fulfilled' ? ipv6.value : []),
    ];
    if (addresses.length > 0) return addresses;
    if (ipv4.status === 'rejected') throw ipv4.reason;
    throw Object.assign(new Error(`${hostName} has no address records`), { code: 'ENODATA' });
  };
}
