import type { AssertionSource } from './declare/assertion';
import type { CheckDeclaration } from './declare/declarations';
import type { ProbePhase } from './probe-result';

/** A kind of check. */
export type CheckKind = CheckDeclaration['kind'];

/** Whether checks of a kind talk TLS: always, never, or when the check's URL is `https:`. */
export type TlsUse = 'always' | 'never' | 'httpsUrl';

/** What is true of every check of one kind, whatever its target. */
export interface CheckKindFacts {
  /**
   * The latency phases its probes measure, in the order they happen; `tls` only when the check talks TLS.
   * In one probe a phase that did not happen is 0: an IP literal's `dns`, a TCP check's `ttfb` and `transfer`
   * when it expects no reply.
   */
  phases: readonly ProbePhase[];
  /** The assertion sources its assertions may use; `certificate` only when the check talks TLS. */
  assertionSources: readonly AssertionSource[];
  /** Whether it talks TLS. */
  tlsUse: TlsUse;
  /**
   * Whether the probe engine probes it from probe regions: `false` for a heartbeat, whose results are the pings
   * it receives (region `'ping'`), so it has no prober and is never placed in a probe region.
   */
  probed: boolean;
}

/**
 * The kinds of check, one row each: the facts that validation, the probe engine, the dashboard and the alarms
 * read. A new kind without a row here is a type error.
 */
export const checkKindTable = {
  http: {
    phases: ['dns', 'connect', 'tls', 'ttfb', 'transfer'],
    assertionSources: ['status', 'header', 'body', 'jsonBody', 'latency', 'certificate'],
    tlsUse: 'httpsUrl',
    probed: true,
  },
  tcp: {
    phases: ['dns', 'connect', 'ttfb', 'transfer'],
    assertionSources: ['body', 'latency'],
    tlsUse: 'never',
    probed: true,
  },
  tls: {
    phases: ['dns', 'connect', 'tls'],
    assertionSources: ['latency', 'certificate'],
    tlsUse: 'always',
    probed: true,
  },
  // A ping's run time (`/start` to success) is its one phase: the job's own work, as a body's transfer.
  heartbeat: {
    phases: ['transfer'],
    assertionSources: [] as AssertionSource[],
    tlsUse: 'never',
    probed: false,
  },
} satisfies Record<CheckKind, CheckKindFacts>;

/** The kinds the probe engine probes (see `CheckKindFacts.probed`). */
export type ProbedKind = {
  [K in CheckKind]: (typeof checkKindTable)[K]['probed'] extends true ? K : never;
}[CheckKind];

/** Whether checks of `kind` are probed, narrowing the kind. */
export function isProbedKind(kind: CheckKind): kind is ProbedKind {
  return checkKindTable[kind].probed;
}

/** Every kind of check. */
export const checkKinds = Object.keys(checkKindTable) as [CheckKind, ...CheckKind[]];

/**
 * Whether a check talks TLS, from its kind and, for a kind that depends on it, its URL: `undefined` when that URL
 * is not a valid `http:` or `https:` URL.
 */
export function usesTls(check: { kind: CheckKind; url?: unknown }): boolean | undefined {
  const { tlsUse } = checkKindTable[check.kind];
  if (tlsUse !== 'httpsUrl') return tlsUse === 'always';
  if (typeof check.url !== 'string' || !URL.canParse(check.url)) return undefined;
  const { protocol } = new URL(check.url);
  if (protocol === 'https:') return true;
  return protocol === 'http:' ? false : undefined;
}

/** The latency phases a check of `kind` measures, given whether it talks TLS. */
export function measuredPhases(kind: CheckKind, withTls: boolean): readonly ProbePhase[] {
  const { phases } = checkKindTable[kind];
  return withTls ? phases : phases.filter((phase) => phase !== 'tls');
}
