import type { HostResolver } from './host-resolver';

/** What opening a connection needs besides its target, the deadline and the trace. */
export interface ConnectionSettings {
  /** The probe's clock at its start (epoch ms), for days until a certificate expires. */
  nowMs: number;
  /** How host names become addresses. */
  resolveHost: HostResolver;
}
