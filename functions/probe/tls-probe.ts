import type { TLSSocket } from 'node:tls';
import type { ResolvedTlsCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import { openConnection } from './open-connection';
import type { PreparedTls } from './prepare-tls';
import { ProbeFailure } from './probe-failure';
import type { ProbeTrace } from './probe-trace';
import { isResetError } from './socket-errors';
import { describeTlsError } from './tls-errors';

/**
 * How long a TLS 1.3 check waits after its handshake for the server's verdict on it, at least: 50 ms, or three
 * times the connect time when that is longer (`serverVerdict`). Not in any phase.
 */
export const minimumServerVerdictWaitMs = 50;

/**
 * Probes a TLS check: resolve, connect, handshake. Certificate facts land in `trace.tls`;
 * an untrusted, expired or mismatched certificate fails inside the handshake unless `insecure`.
 * Under TLS 1.3 the client's handshake ends before the server has checked the client's last flight (a client
 * certificate it requires, say): the check then waits for the server's verdict (`serverVerdict`), outside the
 * measured phases, so that a server that rejects every client is not reported up.
 */
export async function probeTls(
  check: ResolvedTlsCheck,
  tls: PreparedTls,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<void> {
  const socket = (await openConnection(
    { host: check.host, port: check.port, tls },
    deadline,
    trace,
    settings,
  )) as TLSSocket;
  trace.endedAt = performance.now();
  try {
    if (socket.getProtocol() === 'TLSv1.3') {
      const waitMs = Math.max(minimumServerVerdictWaitMs, 3 * trace.phases.connectMs);
      await serverVerdict(socket, Math.min(waitMs, deadline.timeoutMs - deadline.elapsedMs()), check.host);
    }
  } finally {
    socket.destroy();
  }
}

/**
 * Waits for what a TLS 1.3 server sends once it has read the client's Finished: a session ticket (accepted), or
 * an alert (rejected: `TLS_HANDSHAKE_FAILED` naming it, such as `certificate_required`), for up to `waitMs`. A
 * server that sends neither in that time, or closes cleanly, has not rejected the handshake.
 */
function serverVerdict(socket: TLSSocket, waitMs: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (failure?: ProbeFailure) => {
      clearTimeout(timer);
      socket.off('session', onSession);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (failure) reject(failure);
      else resolve();
    };
    const onSession = () => settle();
    const onClose = () => settle();
    const onError = (error: NodeJS.ErrnoException) =>
      settle(
        new ProbeFailure(
          'TLS_HANDSHAKE_FAILED',
          `TLS handshake with ${host} failed: ${isResetError(error) ? 'the server reset the connection' : describeTlsError(error)}`,
          'tls',
        ),
      );
    const timer = setTimeout(() => settle(), Math.max(0, waitMs));
    socket.on('session', onSession);
    socket.once('error', onError);
    socket.once('close', onClose);
    // Read, so that OpenSSL processes what arrives (the ticket, or the alert); nothing is expected as data.
    socket.resume();
  });
}
