import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { ErrorCode, TlsFacts } from '../core/probe-result';
import { type CertificateWeakness, findCertificateWeakness } from './certificate-strength';

const millisecondsPerDay = 86_400_000;

/** What a finished handshake showed about the server's certificate. */
export interface CertificateReading {
  facts: TlsFacts;
  /** Why OpenSSL refused the chain when it said only `UNSPECIFIED` and the reason is the chain's strength. */
  weakness?: CertificateWeakness;
}

/**
 * Reads what a finished handshake showed, from the leaf certificate as an `X509Certificate` (whose
 * fields are read on demand; read once: Node 24 gives the peer's certificate out only once per connection);
 * `nowMs` is the probe's clock, for days until expiry. An `UNSPECIFIED`
 * verify error is replaced by OpenSSL's own name for it when the chain's key or signature is too weak.
 */
export function readTlsFacts(
  socket: TLSSocket,
  serverName: string,
  nowMs: number,
): CertificateReading | undefined {
  const certificate = socket.getPeerX509Certificate();
  if (!certificate) return undefined;
  const validTo = certificate.validToDate;
  const weakness =
    !socket.authorized && String(socket.authorizationError) === 'UNSPECIFIED'
      ? findCertificateWeakness(certificate)
      : undefined;
  const authorizationError =
    weakness?.code ?? (socket.authorizationError ? String(socket.authorizationError) : undefined);
  const cipher = socket.getCipher();
  const facts: TlsFacts = {
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
  return weakness === undefined ? { facts } : { facts, weakness };
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
export function describeCertificateError(
  code: ErrorCode,
  { facts, weakness }: CertificateReading,
  serverName: string,
): string {
  switch (code) {
    case 'TLS_CERT_EXPIRED':
      return `certificate of ${serverName} expired on ${facts.validTo}`;
    case 'TLS_CERT_NOT_YET_VALID':
      return `certificate of ${serverName} is not valid before ${facts.validFrom}`;
    case 'TLS_HOSTNAME_MISMATCH':
      return `certificate does not cover ${serverName} (it covers ${facts.subjectAltNames.join(', ') || facts.subject})`;
    default:
      if (weakness !== undefined) {
        return `certificate of ${serverName} is not trusted: ${weakness.reason} (${weakness.code}; issuer ${facts.issuer})`;
      }
      return `certificate of ${serverName} is not trusted${untrustedReason(facts.authorizationError)} (${facts.authorizationError ?? 'unknown reason'}; issuer ${facts.issuer})`;
  }
}

/** OpenSSL's verify errors in plain words, for those a real server most often earns. */
const untrustedReasons: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the chain it came with does not reach a trusted root: the server left out an intermediate certificate (an incomplete chain; browsers may fetch the missing one, curl and the probe do not)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not a certificate authority the probe trusts',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not a certificate authority the probe trusts',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed root the probe does not trust',
  CERT_SIGNATURE_FAILURE: 'its signature does not verify',
  CERT_REVOKED: 'it was revoked',
  INVALID_CA: 'a certificate in its chain is not a valid certificate authority',
  INVALID_PURPOSE: 'it is not meant for TLS servers (its key usage)',
  CERT_UNTRUSTED: 'its root is not trusted for TLS servers',
};

function untrustedReason(authorizationError: string | undefined): string {
  const reason = authorizationError === undefined ? undefined : untrustedReasons[authorizationError];
  return reason === undefined ? '' : `: ${reason}`;
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
