import type { ResolvedTlsCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import { openConnection } from './open-connection';
import type { PreparedTls } from './prepare-tls';
import type { ProbeTrace } from './probe-trace';

/**
 * Probes a TLS check: resolve, connect, handshake. Certificate facts land in `trace.tls`;
 * an untrusted, expired or mismatched certificate fails inside the handshake unless `insecure`.
 */
export async function probeTls(
  check: ResolvedTlsCheck,
  tls: PreparedTls,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<void> {
  const socket = await openConnection({ host: check.host, port: check.port, tls }, deadline, trace, settings);
  trace.endedAt = performance.now();
  socket.destroy();
}
