import type { SecretRef } from '../core/declare/declarations';
import type { HostResolver } from './host-resolver';

/** What a probe needs from its surroundings: where it runs, the clock, and how to read secrets. */
export interface ProbeContext {
  /** The region recorded in each result (`'local'` on a developer's machine). */
  region: string;
  /** The wall clock, in epoch milliseconds: used for `startedAt` and certificate expiry, not for latencies. */
  now: () => number;
  /**
   * Reads a secret header value at run time. A rejection fails the probe with `INTERNAL`; its message is
   * shown in the result, so a resolver's errors name the reference, never a value.
   */
  resolveSecret: (secret: SecretRef) => Promise<string>;
  /**
   * How host names become addresses: `dnsServerResolver([...])` asks given DNS servers directly.
   * @default systemResolver (getaddrinfo: /etc/hosts, then the system's DNS servers)
   */
  resolveHost?: HostResolver;
}

/** Options of `runChecks`. */
export interface RunChecksOptions extends ProbeContext {
  /**
   * How many probes run at once.
   * @default 50
   */
  concurrency?: number;
}
