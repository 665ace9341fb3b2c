/**
 * TLS errors in plain words. OpenSSL names an alert the server sent (`tlsv13 alert certificate required`) or its own
 * complaint (`wrong version number`); Node passes both on as `error.reason` and a code such as
 * `ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED`. Under TLS 1.3 a server's verdict on the client's certificate arrives
 * after the client's handshake has finished, as an alert on the first read, so these errors are recognised on the
 * socket at any time, not only during the handshake.
 */

/** An error Node raised for a TLS connection, as far as these functions read it. */
export type TlsErrorLike = NodeJS.ErrnoException & { reason?: string; library?: string };

/** What each alert a server may send means for the probe, by its RFC 8446 name. */
const alertMeanings: Readonly<Record<string, string>> = {
  certificate_required: 'the server requires a client certificate',
  handshake_failure:
    'the server refused the handshake: no cipher suite, signature algorithm or key exchange group in common, or a client certificate it requires',
  protocol_version: 'the server accepts none of the TLS versions the probe offered',
  insufficient_security: 'the server requires stronger cipher suites than the probe offered',
  no_application_protocol: 'the server accepts none of the application protocols (ALPN) the probe offered',
  unrecognized_name: 'the server does not serve the name the probe sent (SNI)',
  bad_certificate: 'the server rejected the client certificate',
  unsupported_certificate: 'the server does not support the client certificate’s type',
  certificate_revoked: 'the server says the client certificate was revoked',
  certificate_expired: 'the server says the client certificate expired',
  certificate_unknown: 'the server rejected the client certificate',
  unknown_ca: 'the server does not trust the issuer of the client certificate',
  access_denied: 'the server denied access',
  illegal_parameter: 'the server found an illegal parameter in the handshake',
  decode_error: 'the server could not decode a handshake message',
  decrypt_error: 'the server could not verify a handshake signature or MAC',
  internal_error: 'the server failed with an internal error',
  missing_extension: 'the server misses a TLS extension it requires',
  unsupported_extension: 'the server does not support a TLS extension the probe sent',
  inappropriate_fallback: 'the server refused a protocol downgrade',
  unexpected_message: 'the server received a handshake message it did not expect',
  bad_record_mac: 'a record failed its integrity check',
  record_overflow: 'a record was too long',
  user_canceled: 'the server cancelled the handshake',
  close_notify: 'the server closed the TLS session',
};

/** OpenSSL's own complaints (not alerts), by its reason string. */
const localMeanings: Readonly<Record<string, string>> = {
  'wrong version number': 'the server did not answer in TLS (is it plain HTTP on this port?)',
  'packet length too long': 'the server did not answer in TLS (is it plain HTTP on this port?)',
  'unsupported protocol': 'the server offered only a TLS version below the probe’s minimum',
  'no protocols available': 'no TLS version is left to offer within the probe’s settings',
  'unexpected eof while reading': 'the server closed the connection in the middle of the TLS exchange',
  'dh key too small': 'the server’s Diffie-Hellman key is below the minimum the probe accepts',
  'ee key too small': 'the server’s certificate key is below the minimum size the probe accepts',
  'ca md too weak': 'the server’s certificate is signed with a digest the probe no longer accepts',
  'no suitable signature algorithm':
    'the server and the probe share no signature algorithm the probe still accepts',
  'unsafe legacy renegotiation disabled': 'the server does not support secure renegotiation',
};

/** OpenSSL's alert names that differ from RFC 8446's. */
const alertNameFixes: Readonly<Record<string, string>> = {
  user_cancelled: 'user_canceled',
  decryption_failed: 'bad_record_mac',
};

/** Whether an error came from OpenSSL: an alert the server sent, or OpenSSL's own complaint. */
export function isTlsError(error: unknown): error is TlsErrorLike {
  if (!(error instanceof Error)) return false;
  const { code, library } = error as TlsErrorLike;
  return library === 'SSL routines' || (typeof code === 'string' && code.startsWith('ERR_SSL_'));
}

/** The RFC 8446 name of the alert a TLS error reports (`'certificate_required'`), if it reports one. */
export function tlsAlertName(error: TlsErrorLike): string | undefined {
  // OpenSSL 3.2 and later say `ssl/tls alert handshake failure` where 3.0 said `sslv3 alert handshake failure`.
  const match = /^(?:sslv3|tlsv1|tlsv13|ssl\/tls) (?:alert )?(.+)$/.exec(reasonOf(error));
  if (!match?.[1]) return undefined;
  const name = match[1].replace(/ /g, '_');
  return alertNameFixes[name] ?? name;
}

/**
 * A TLS error in plain words, ending with the alert's name or OpenSSL's reason in brackets:
 * `the server requires a client certificate (certificate_required)`.
 */
export function describeTlsError(error: TlsErrorLike): string {
  const alert = tlsAlertName(error);
  if (alert !== undefined) {
    const meaning = alertMeanings[alert];
    return meaning === undefined ? `the server sent the TLS alert ${alert}` : `${meaning} (${alert})`;
  }
  const reason = reasonOf(error);
  const meaning = localMeanings[reason];
  return meaning === undefined ? reason : `${meaning} (${reason})`;
}

/** OpenSSL's short reason (`wrong version number`) rather than its whole error stack. */
function reasonOf(error: TlsErrorLike): string {
  return error.reason ?? error.message.split('\n')[0] ?? 'unknown error';
}
