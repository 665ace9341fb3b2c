import { isIP, type Socket, connect as tcpConnect } from 'node:net';
import { type DetailedPeerCertificate, type TLSSocket, connect as tlsConnect } from 'node:tls';
import type { ResolvedTlsOptions } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import { ProbeFailure } from './probe-failure';
import type { ProbeTrace } from './probe-trace';
import { resolveHost } from './resolve-host';
import { secureContextFor } from './secure-context-cache';
import { classifyConnectError, isResetError } from './socket-errors';
import { certificateErrorCode, describeCertificateError, readTlsFacts } from './tls-facts';
import { waitForEvent } from './wait-for-event';

/** Where to connect, and how. */
export interface ConnectionTarget {
  host: string;
  port: number;
  /** TLS settings; absent for plain TCP. */
  tls?: ResolvedTlsOptions;
  /** ALPN protocols to offer over TLS. */
  alpnProtocols?: string[];
}

/**
 * Resolves, connects and (for TLS) handshakes a fresh connection, timing each phase into `trace`.
 * A certificate that is not trusted or does not match fails with its TLS_* code unless `insecure`;
 * its facts are in `trace.tls` either way.
 */
export async function openConnection(
  target: ConnectionTarget,
  deadline: Deadline,
  trace: ProbeTrace,
  settings: ConnectionSettings,
): Promise<Socket | TLSSocket> {
  delete trace.socketError;
  const addresses = await resolveHost(target.host, settings.resolveHost, deadline, trace);
  const socket = await connectToFirstReachable(addresses, target.port, deadline, trace);
  if (!target.tls) return socket;
  return handshake(socket, target, target.tls, deadline, trace, settings.nowMs);
}

/**
 * Connects to each address in turn until one accepts (a host name may resolve to an IPv6 address that
 * refuses and an IPv4 one that answers). A timeout is not retried: the deadline is shared.
 * `connectMs` covers every try.
 */
async function connectToFirstReachable(
  addresses: string[],
  port: number,
  deadline: Deadline,
  trace: ProbeTrace,
): Promise<Socket> {
  const startedAt = performance.now();
  try {
    for (const [index, address] of addresses.entries()) {
      trace.remoteAddress = address;
      try {
        return await connectTcp(address, port, deadline, trace);
      } catch (error) {
        const isLast = index === addresses.length - 1;
        if (isLast || !(error instanceof ProbeFailure) || error.code !== 'CONNECT_REFUSED') throw error;
        delete trace.socketError;
      }
    }
    throw new ProbeFailure('DNS_FAILURE', 'the host name resolved to no address', 'dns');
  } finally {
    trace.phases.connectMs = performance.now() - startedAt;
  }
}

function connectTcp(address: string, port: number, deadline: Deadline, trace: ProbeTrace): Promise<Socket> {
  const socket = tcpConnect({ host: address, port, noDelay: true });
  socket.on('error', (error: NodeJS.ErrnoException) => {
    trace.socketError ??= error;
  });
  const label = isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
  const connected = waitForEvent(socket, 'connect', (error) => {
    const { code, message } = classifyConnectError(error ?? closedWhileConnecting(), label);
    return new ProbeFailure(code, message, 'connect');
  }).then(() => socket);
  return deadline.race(connected, () => {
    socket.destroy();
    return new ProbeFailure(
      'CONNECT_TIMEOUT',
      `connection to ${label} not established within ${deadline.timeoutMs} ms`,
      'connect',
    );
  });
}

async function handshake(
  socket: Socket,
  target: ConnectionTarget,
  options: ResolvedTlsOptions,
  deadline: Deadline,
  trace: ProbeTrace,
  nowMs: number,
): Promise<TLSSocket> {
  const serverName = options.servername ?? target.host.replace(/^\[|\]$/g, '');
  const startedAt = performance.now();
  const tlsSocket = tlsConnect({
    socket,
    secureContext: secureContextFor(options),
    ...(isIP(serverName) ? {} : { servername: serverName }),
    rejectUnauthorized: false,
    // The chain verdict stays OpenSSL's; the name is checked on its own in readTlsFacts, so that
    // `authorized` means "trusted chain" and a mismatch gets its own code.
    checkServerIdentity: () => undefined,
    ...(target.alpnProtocols ? { ALPNProtocols: target.alpnProtocols } : {}),
  });
  // For checkServerIdentity, Node reads the whole chain into objects (fingerprints, public keys…): about
  // 0.15 ms of CPU inside the handshake, for a name check we do from the X509Certificate instead.
  tlsSocket.getPeerCertificate = skipPeerCertificateObjects;
  tlsSocket.on('error', (error: NodeJS.ErrnoException) => {
    trace.socketError ??= error;
  });
  const established = waitForEvent(tlsSocket, 'secureConnect', (error) => {
    const reason =
      error === undefined
        ? 'connection closed'
        : isResetError(error)
          ? 'the server reset the connection'
          : opensslReason(error);
    return new ProbeFailure(
      'TLS_HANDSHAKE_FAILED',
      `TLS handshake with ${serverName} failed: ${reason}`,
      'tls',
    );
  });
  try {
    await deadline.race(established, () => {
      tlsSocket.destroy();
      return new ProbeFailure(
        'TIMEOUT',
        `TLS handshake with ${serverName} did not finish within ${deadline.timeoutMs} ms`,
        'tls',
      );
    });
  } catch (error) {
    tlsSocket.destroy();
    throw error;
  } finally {
    trace.phases.tlsMs = performance.now() - startedAt;
    Reflect.deleteProperty(tlsSocket, 'getPeerCertificate');
  }
  const facts = readTlsFacts(tlsSocket, serverName, nowMs);
  if (!facts) {
    tlsSocket.destroy();
    throw new ProbeFailure('TLS_HANDSHAKE_FAILED', `${serverName} presented no certificate`, 'tls');
  }
  trace.tls = facts;
  const certificateError = certificateErrorCode(facts);
  if (certificateError && !options.insecure) {
    tlsSocket.destroy();
    throw new ProbeFailure(
      certificateError,
      describeCertificateError(certificateError, facts, serverName),
      'tls',
    );
  }
  return tlsSocket;
}

/** OpenSSL's short reason (`wrong version number`) rather than its whole error stack. */
function opensslReason(error: NodeJS.ErrnoException & { reason?: string }): string {
  return error.reason ?? error.message.split('\n')[0] ?? 'unknown error';
}

function closedWhileConnecting(): NodeJS.ErrnoException {
  return Object.assign(new Error('connection closed while connecting'), { code: 'ECONNRESET' });
}

/** Stands in for `getPeerCertificate` during the handshake: Node's only use of it is our no-op name check. */
function skipPeerCertificateObjects(): DetailedPeerCertificate {
  return {} as DetailedPeerCertificate;
}
