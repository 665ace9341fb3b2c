import type { Assertion } from '../../functions/core/declare/assertion';
import type {
  ResolvedCheckBase,
  ResolvedHttpCheck,
  ResolvedTcpCheck,
  ResolvedTlsCheck,
  ResolvedTlsOptions,
} from '../../functions/core/resolve/resolved-monitor';
import type { ProbeContext } from '../../functions/probe/probe-context';

/** The status assertion validation adds to every HTTP check that declares none. */
export const IMPLICIT_STATUS_ASSERTION: Assertion = { source: 'status', comparison: 'lessThan', target: 400 };

/** Overrides of a check factory: any field, with `tls` merged into the defaults rather than replacing them. */
type CheckOverrides<Check> = Partial<Omit<Check, 'kind' | 'tls'>> & { tls?: Partial<ResolvedTlsOptions> };

const DEFAULT_TLS: ResolvedTlsOptions = {
  minVersion: 'TLSv1.2',
  insecure: false,
  keyExchangeGroups: ['X25519', 'P-256', 'P-384'],
};

function baseFields(id: string): ResolvedCheckBase {
  return {
    id,
    name: id,
    regions: ['local'],
    intervalMs: 60_000,
    timeoutMs: 5_000,
    retries: 0,
    assertions: [],
    alert: {
      regionsToFail: 1,
      consecutiveFailures: 2,
      consecutiveSuccesses: 2,
      certificateWarningDays: 21,
      certificateCriticalDays: 7,
    },
    tags: [],
  };
}

/**
 * A fully populated resolved HTTP check: GET, timeout 5 s, no retries, 5 redirects, 1 MiB body cap,
 * and the implicit `status < 400` assertion (replaced, not extended, when `assertions` is given).
 */
export function httpCheck(overrides: CheckOverrides<ResolvedHttpCheck> & { url: string }): ResolvedHttpCheck {
  const { tls, ...rest } = overrides;
  return {
    ...baseFields('test-http'),
    kind: 'http',
    method: 'GET',
    headers: {},
    maxRedirects: 5,
    maxBodyBytes: 1024 * 1024,
    assertions: [IMPLICIT_STATUS_ASSERTION],
    ...rest,
    tls: { ...DEFAULT_TLS, ...tls },
  };
}

/** A fully populated resolved TCP check against 127.0.0.1: connect only, timeout 5 s, no retries. */
export function tcpCheck(overrides: CheckOverrides<ResolvedTcpCheck> & { port: number }): ResolvedTcpCheck {
  const { tls: _ignored, ...rest } = overrides;
  return { ...baseFields('test-tcp'), kind: 'tcp', host: '127.0.0.1', ...rest };
}

/** A fully populated resolved TLS check against 127.0.0.1: timeout 5 s, no retries, `minDaysValid` 0. */
export function tlsCheck(overrides: CheckOverrides<ResolvedTlsCheck> & { port: number }): ResolvedTlsCheck {
  const { tls, ...rest } = overrides;
  return {
    ...baseFields('test-tls'),
    kind: 'tls',
    host: '127.0.0.1',
    minDaysValid: 0,
    ...rest,
    tls: { ...DEFAULT_TLS, ...tls },
  };
}

/** Options of `testContext`. */
export interface TestContextOptions {
  /**
   * Secret values by reference (`SecretRef.ref`); any other reference rejects.
   * @default {}
   */
  secrets?: Record<string, string>;
  /**
   * The wall clock.
   * @default Date.now
   */
  now?: () => number;
}

/** A probe context for tests: region `'local'`, the real clock, secrets from a map. */
export function testContext(options: TestContextOptions = {}): ProbeContext {
  const secrets = options.secrets ?? {};
  return {
    region: 'local',
    now: options.now ?? Date.now,
    resolveSecret: async (secret) => {
      const value = secrets[secret.ref];
      if (value === undefined) throw new Error(`no secret stored under ${secret.ref}`);
      return value;
    },
  };
}
