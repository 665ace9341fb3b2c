import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { ErrorCode, TlsFacts } from '../core/probe-result';

const millisecondsPerDay = 86_400_000;

/**
 * Reads what a finished handshake showed, from the leaf certificate as an `X509Certificate` (whose
 * fields are read on demand); `nowMs` is the probe's clock, for days until expiry.
 */
export function readTlsFacts(socket: TLSSocket, serverName: string, nowMs: number): TlsFacts | undefined {
  const certificate = socket.getPeerX509Certificate();
  if (!certificate) return undefined;
  const validTo = certificate.validToDate;
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  const cipher = socket.getCipher();
  return {
    validFrom: certificate.validFromDate.toISOString(),
    validTo: validTo.toISOString(),
    daysUntilExpiry: Math.round(((validTo.getTime() - nowMs) / millisecondsPerDay) * 100) / 100,
    issuer: formatDistinguishedName(certificate.issuer),
    subject: formatDistinguishedName(certificate.subject),
    subjectAltNames: parseSubjectAltNames(certificate.subjectAltName),
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: cipher.standardName ?? cipher.name,
    keyExchange: negotiatedGroup(socket),
    fingerprint256: certificate.fingerprint256,
    trusted: socket.authorized,
    hostnameVerified: coversName(certificate, serverName),
    ...(authorizationError === undefined ? {} : { authorizationError }),
  };
}

/**
 * Whether the certificate covers the name, as browsers judge it: an IP address must be an IP SAN;
 * a host name must match a DNS SAN (a wildcard only as a whole leftmost label), or the subject's CN
 * when the certificate has no DNS SAN.
 */
function coversName(certificate: X509Certificate, serverName: string): boolean {
  if (isIP(serverName)) return certificate.checkIP(serverName) !== undefined;
  return (
    certificate.checkHost(serverName, { partialWildcards: false, multiLabelWildcards: false }) !== undefined
  );
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

/** `'CN=localhost\nO=Example'` → `'CN=localhost, O=Example'`. */
function formatDistinguishedName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function parseSubjectAltNames(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return subjectAltName
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter((entry) => entry.length > 0);
}

function negotiatedGroup(socket: TLSSocket): string {
  const info = socket.getEphemeralKeyInfo();
  return info && 'name' in info && typeof info.name === 'string' ? info.name : 'unknown';
}
