import { isIP, type Socket, connect as tcpConnect } from 'node:net';
import { type DetailedPeerCertificate, type TLSSocket, connect as tlsConnect } from 'node:tls';
import type { ConnectionSettings } from './connection-settings';
import type { Deadline } from './deadline';
import type { PreparedTls } from './prepare-tls';
import { ProbeFailure } from './probe-failure';
import type { ProbeTrace } from './probe-trace';
import { resolveHost } from './resolve-host';
import { classifyConnectError, isResetError } from './socket-errors';
import { describeTlsError } from './tls-errors';
import { certificateErrorCode, describeCertificateError, readTlsFacts } from './tls-facts';
import { waitForEvent } from './wait-for-event';

/** Where to connect, and how. */
export interface ConnectionTarget {
  host: string;
  port: number;
  /** TLS settings and their secure context; absent for plain TCP. */
  tls?: PreparedTls;
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
  const socket = await connectToFirstReachable(addresses, target, deadline, trace);
  if (!target.tls) return socket;
  return handshake(socket, target, target.tls, deadline, trace, settings.nowMs);
}

/** Why one address did not take the connection. */
interface FailedAttempt {
  address: string;
  failure: ProbeFailure;
}

/**
 * Connects to each address in turn until one accepts: a name such as `localhost` may resolve to an IPv6 address
 * that refuses (or is unreachable) and an IPv4 one that answers. Every address is tried within the deadline: each
 * but the last may take an equal share of the time left before the next is tried. When none accepts, the failure
 * names every address tried and why. `connectMs` covers every try.
 */
async function connectToFirstReachable(
  addresses: string[],
  target: ConnectionTarget,
  deadline: Deadline,
  trace: ProbeTrace,
): Promise<Socket> {
  const startedAt = performance.now();
  const failed: FailedAttempt[] = [];
  try {
    for (const [index, address] of addresses.entries()) {
      trace.remoteAddress = address;
      const addressesLeft = addresses.length - index;
      const shareMs =
        addressesLeft === 1 ? undefined : (deadline.timeoutMs - deadline.elapsedMs()) / addressesLeft;
      try {
        return await connectTcp(address, target.port, deadline, trace, shareMs);
      } catch (error) {
        if (!(error instanceof ProbeFailure) || error.phase !== 'connect') throw error;
        failed.push({ address, failure: error });
        if (deadline.expired || addressesLeft === 1) throw everyAddressFailed(target, failed);
        delete trace.socketError;
      }
    }
    throw new ProbeFailure('DNS_FAILURE', `${target.host} resolved to no address`, 'dns');
  } finally {
    trace.phases.connectMs = performance.now() - startedAt;
  }
}

/** The last attempt's failure, naming every address tried when there was more than one. */
function everyAddressFailed(target: ConnectionTarget, failed: FailedAttempt[]): ProbeFailure {
  const last = failed.at(-1);
  if (!last) return new ProbeFailure('INTERNAL', 'no connection attempt was made', 'connect');
  if (failed.length === 1) return last.failure;
  const tried = failed.map(({ address, failure }) => `${address} (${shortReason(failure)})`).join(', ');
  return new ProbeFailure(
    last.failure.code,
    `could not connect to ${target.host} port ${target.port} on any of the ${failed.length} addresses tried: ${tried}`,
    'connect',
  );
}

/** `refused`, `timed out`, `reset`, or `unreachable (ENETUNREACH)`. */
function shortReason(failure: ProbeFailure): string {
  if (failure.code === 'CONNECT_TIMEOUT') return 'timed out';
  if (failure.code === 'CONNECTION_RESET') return 'reset';
  const unreachable = /unreachable \((\w+)\)/.exec(failure.message);
  if (unreachable) return `unreachable (${unreachable[1]})`;
  return /refused/.test(failure.message) ? 'refused' : failure.message;
}

/** Connects to one address; `shareMs` bounds this attempt when more addresses are left to try. */
function connectTcp(
  address: string,
  port: number,
  deadline: Deadline,
  trace: ProbeTrace,
  shareMs: number | undefined,
): Promise<Socket> {
  const socket = tcpConnect({ host: address, port, noDelay: true });
  socket.on('error', (error: NodeJS.ErrnoException) => {
    trace.socketError ??= error;
  });
  const label = isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
  let shareTimer: NodeJS.Timeout | undefined;
  const connected = new Promise<Socket>((resolve, reject) => {
    if (shareMs !== undefined) {
      shareTimer = setTimeout(() => {
        socket.destroy();
        reject(
          new ProbeFailure(
            'CONNECT_TIMEOUT',
            `connection to ${label} not established within ${Math.round(shareMs)} ms, its share of the deadline`,
            'connect',
          ),
        );
      }, shareMs);
    }
    waitForEvent(socket, 'connect', (error) => {
      const { code, message } = classifyConnectError(error ?? closedWhileConnecting(), label);
      return new ProbeFailure(code, message, 'connect');
    }).then(() => resolve(socket), reject);
  }).finally(() => clearTimeout(shareTimer));
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
  { options, secureContext }: PreparedTls,
  deadline: Deadline,
  trace: ProbeTrace,
  nowMs: number,
): Promise<TLSSocket> {
  const serverName = options.servername ?? target.host.replace(/^\[|\]$/g, '');
  const startedAt = performance.now();
  const tlsSocket = tlsConnect({
    socket,
    secureContext,
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
          : describeTlsError(error);
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
  const reading = readTlsFacts(tlsSocket, serverName, nowMs);
  if (!reading) {
    tlsSocket.destroy();
    throw new ProbeFailure('TLS_HANDSHAKE_FAILED', `${serverName} presented no certificate`, 'tls');
  }
  trace.tls = reading.facts;
  const certificateError = certificateErrorCode(reading.facts);
  if (certificateError && !options.insecure) {
    tlsSocket.destroy();
    throw new ProbeFailure(
      certificateError,
      describeCertificateError(certificateError, reading, serverName),
      'tls',
    );
  }
  return tlsSocket;
}

function closedWhileConnecting(): NodeJS.ErrnoException {
  return Object.assign(new Error('connection closed while connecting'), { code: 'ECONNRESET' });
}

/** Stands in for `getPeerCertificate` during the handshake: Node's only use of it is our no-op name check. */
function skipPeerCertificateObjects(): DetailedPeerCertificate {
  return {} as DetailedPeerCertificate;
}
