import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { ErrorCode, TlsFacts } from '../core/probe-result';

const millisecondsPerDay = 86_400_000;

/**
 * Reads what a finished handshake showed; `nowMs` is the probe's clock, for days until expiry.
 * `alreadyRead` is the certificate Node read during verification, when it did: reading it again costs CPU.
 */
export function readTlsFacts(
  socket: TLSSocket,
  serverName: string,
  nowMs: number,
  alreadyRead?: PeerCertificate,
): TlsFacts | undefined {
  const certificate = alreadyRead ?? socket.getPeerCertificate(false);
  if (!certificate || Object.keys(certificate).length === 0) return undefined;
  const validTo = new Date(certificate.valid_to);
  const identityError = checkServerIdentity(serverName, certificate);
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  const cipher = socket.getCipher();
  return {
    validFrom: new Date(certificate.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysUntilExpiry: Math.round(((validTo.getTime() - nowMs) / millisecondsPerDay) * 100) / 100,
    issuer: formatDistinguishedName(certificate.issuer),
    subject: formatDistinguishedName(certificate.subject),
    subjectAltNames: parseSubjectAltNames(certificate),
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: cipher.standardName ?? cipher.name,
    keyExchange: negotiatedGroup(socket),
    fingerprint256: certificate.fingerprint256,
    trusted: socket.authorized,
    hostnameVerified: identityError === undefined,
    ...(authorizationError === undefined ? {} : { authorizationError }),
  };
}

/** The error code a certificate earns, or `undefined` when it is trusted and matches the name. */
export function certificateErrorCode(facts: TlsFacts): ErrorCode | undefined {
  if (!facts.trusted) {
    if (facts.authorizationError === 'CERT_HAS_EXPIRED') return 'TLS_CERT_EXPIRED';
    if (facts.authorizationError === 'CERT_NOT_YET_VALID') return 'TLS_CERT_NOT_YET_VALID';
    return 'TLS_CERT_UNTRUSTED';
  }
  if (!facts.hostnameVerified) return 'TLS_HOSTNAME_MISMATCH';
  return undefined;
}

/** A sentence for a certificate error code. */
export function describeCertificateError(code: ErrorCode, facts: TlsFacts, serverName: string): string {
  switch (code) {
    case 'TLS_CERT_EXPIRED':
      return `certificate of ${serverName} expired on ${facts.validTo}`;
    case 'TLS_CERT_NOT_YET_VALID':
      return `certificate of ${serverName} is not valid before ${facts.validFrom}`;
    case 'TLS_HOSTNAME_MISMATCH':
      return `certificate does not cover ${serverName} (it covers ${facts.subjectAltNames.join(', ') || facts.subject})`;
    default:
      return `certificate of ${serverName} is not trusted (${facts.authorizationError ?? 'unknown reason'}; issuer ${facts.issuer})`;
  }
}

function formatDistinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

function parseSubjectAltNames(certificate: PeerCertificate): string[] {
  if (!certificate.subjectaltname) return [];
  return certificate.subjectaltname
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter((entry) => entry.length > 0);
}

function negotiatedGroup(socket: TLSSocket): string {
  const info = socket.getEphemeralKeyInfo();
  return info && 'name' in info && typeof info.name === 'string' ? info.name : 'unknown';
}
