import type { ResolvedHttpCheck } from '../functions/core/resolve/resolved-monitor';

/** A resolved HTTP(S) check of `url`, as synth would produce it; `caPem` is trusted for https. No retries. */
export function benchHttpCheck(id: string, url: string, caPem: string): ResolvedHttpCheck {
  return {
    kind: 'http',
    id,
    name: id,
    regions: ['bench'],
    intervalMs: 60_000,
    timeoutMs: 10_000,
    retries: 0,
    assertions: [{ source: 'status', comparison: 'lessThan', target: 400 }],
    alert: {
      regionsToFail: 1,
      consecutiveFailures: 1,
      consecutiveSuccesses: 1,
      certificateWarningDays: 21,
      certificateCriticalDays: 7,
    },
    tags: ['bench'],
    url,
    method: 'GET',
    headers: {},
    maxRedirects: 0,
    maxBodyBytes: 1024 * 1024,
    tls: {
      ca: caPem,
      minVersion: 'TLSv1.2',
      insecure: false,
      keyExchangeGroups: ['X25519', 'P-256', 'P-384'],
    },
  };
}
