import type { ProbedKind } from '../core/check-kinds';
import type { ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import type { HttpResponse } from './http-exchange';
import { probeHttp } from './http-probe';
import { prepareTls } from './prepare-tls';
import type { ProbeContext } from './probe-context';
import type { ProbeTrace } from './probe-trace';
import { resolveHeaders } from './resolve-headers';
import { probeTcp, type TcpOutcome } from './tcp-probe';
import { probeTls } from './tls-probe';

/** A resolved check of the probed kind `K`. */
export type ResolvedCheckOf<K extends ProbedKind> = Extract<ResolvedProbedCheck, { kind: K }>;

/** What a probe observed besides its trace: an HTTP response, a TCP reply, or nothing more (a TLS check). */
export type ProbeObservation = Partial<HttpResponse & TcpOutcome>;

/**
 * One probe, ready to run: it runs under `deadline`, times its phases into `trace`, and throws a `ProbeFailure`
 * for the target's failure.
 */
export type ReadyProbe = (
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
) => Promise<ProbeObservation>;

/**
 * Probes the checks of kind `K`: first does what is neither latency nor under the timeout (reading secret header
 * values and the client certificate's key, building the TLS context), then returns the probe itself.
 */
export type Prober<K extends ProbedKind> = (
  check: ResolvedCheckOf<K>,
  context: ProbeContext,
) => Promise<ReadyProbe>;

/**
 * The prober of each probed kind of check, as blackbox_exporter's `Probers` map: a probed kind without one is a
 * type error, and a kind that is never probed (a heartbeat, whose results are its pings) has none.
 */
export const probers: { [K in ProbedKind]: Prober<K> } = {
  http: async (check, context) => {
    const [headers, tls] = await Promise.all([
      resolveHeaders(check.headers, context.resolveSecret),
      prepareTls(check.tls, context.resolveSecret),
    ]);
    return (deadline, trace, settings) => probeHttp(check, { headers, tls }, deadline, trace, settings);
  },
  tcp: async (check) => (deadline, trace, settings) => probeTcp(check, deadline, trace, settings),
  tls: async (check, context) => {
    const tls = await prepareTls(check.tls, context.resolveSecret);
    return async (deadline, trace, settings) => {
      await probeTls(check, tls, deadline, trace, settings);
      return {};
    };
  },
};

/** Prepares a probe of `check` with the prober of its kind. */
export function prepareProbe<K extends ProbedKind>(
  check: ResolvedCheckOf<K>,
  context: ProbeContext,
): Promise<ReadyProbe> {
  const prober: Prober<K> = probers[check.kind];
  return prober(check, context);
}
