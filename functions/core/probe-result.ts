import type { CheckKind } from './check-kinds';
import type { AssertionOutcome } from './declare/assertion';

/** Why a probe failed: exactly one code per failed result. */
export type ErrorCode =
  | 'DNS_FAILURE'
  | 'CONNECT_REFUSED'
  | 'CONNECT_TIMEOUT'
  | 'CONNECTION_RESET'
  | 'TIMEOUT'
  | 'TLS_CERT_EXPIRED'
  | 'TLS_CERT_NOT_YET_VALID'
  | 'TLS_CERT_UNTRUSTED'
  | 'TLS_HOSTNAME_MISMATCH'
  | 'TLS_HANDSHAKE_FAILED'
  | 'TOO_MANY_REDIRECTS'
  | 'PROTOCOL_ERROR'
  | 'ASSERTION_FAILED'
  | 'HEARTBEAT_FAILED'
  | 'HEARTBEAT_MISSED'
  | 'INTERNAL';

/** A phase of a probe, in the order they happen. */
export type ProbePhase = 'dns' | 'connect' | 'tls' | 'ttfb' | 'transfer';

/** Where a probe's error happened: a latency phase, or `'setup'` before the first one (reading a secret). */
export type ErrorPhase = ProbePhase | 'setup';

/** The HTTP version a response came in. */
export type HttpVersion = '1.0' | '1.1' | '2';

/** Measured phase durations in milliseconds, summed over redirect hops; 0 for a phase that did not happen. */
export interface PhaseTimings {
  /** Resolving the host name (0 for an IP literal). */
  dnsMs: number;
  /** TCP connect, SYN to established. */
  connectMs: number;
  /** TLS handshake (0 for plain HTTP and TCP). */
  tlsMs: number;
  /** From sending the request to the first response byte (HTTP), or from connecting (and sending) to the first reply byte (TCP). */
  ttfbMs: number;
  /** From the first response byte to the last body byte read (HTTP), or to the expected reply (TCP). */
  transferMs: number;
}

/** A probe's failure. */
export interface ProbeError {
  /** The one code. */
  code: ErrorCode;
  /** A sentence a person understands. */
  message: string;
  /**
   * The phase it happened in. The engine sets it on every error: an assertion's failure is placed in the phase
   * that showed the value (`ttfb` for status and headers, `transfer` for the body, `tls` for the certificate).
   */
  phase?: ErrorPhase;
}

/** What a TLS handshake showed about the server's certificate. */
export interface TlsFacts {
  /** ISO 8601. */
  validFrom: string;
  /** ISO 8601. */
  validTo: string;
  /** Whole and fractional days from the probe's start until `validTo`; negative once expired. */
  daysUntilExpiry: number;
  issuer: string;
  subject: string;
  subjectAltNames: string[];
  /** Such as `'TLSv1.3'`. */
  protocol: string;
  /** Such as `'TLS_AES_256_GCM_SHA384'`. */
  cipher: string;
  /** The key exchange group negotiated, such as `'X25519'` or `'X25519MLKEM768'`. */
  keyExchange: string;
  /** SHA-256 fingerprint of the leaf certificate. */
  fingerprint256: string;
  /** Whether the chain verified against the trusted roots. */
  trusted: boolean;
  /** Whether the certificate matches the server name. */
  hostnameVerified: boolean;
  /** OpenSSL's reason when the chain did not verify, such as `'CERT_HAS_EXPIRED'`. */
  authorizationError?: string;
}

/** One hop of an HTTP probe that followed redirects. */
export interface RedirectHop {
  /** The URL this hop requested. */
  url: string;
  /** The redirect status it got. */
  status: number;
  /** The absolute URL the `Location` header pointed to. */
  location?: string;
  phases: PhaseTimings;
}

/** The record of one probe of one check from one region. A failing target is data, never an exception. */
export interface ProbeResult {
  checkId: string;
  kind: CheckKind;
  region: string;
  /** The URL, or `host:port`. */
  target: string;
  /** ISO 8601, from the injected clock. */
  startedAt: string;
  ok: boolean;
  /** Passed, but slower than the check's degraded latency. */
  degraded: boolean;
  /** Total wall time of the probe in milliseconds, from before DNS to the last byte. */
  totalMs: number;
  phases: PhaseTimings;
  /**
   * The longest the probing process's event loop was busy with other work while this probe was in flight, in ms
   * (to 0.1 ms). Under about 1 ms is the normal; more means a phase that ended meanwhile may include the engine's
   * own work (other probes' TLS handshakes, a garbage collection) and reads longer than the network took.
   * Absent from results of engines before it was recorded.
   */
  eventLoopDelayMs?: number;
  /** The final HTTP status (kept when the probe failed after the status line arrived). */
  status?: number;
  /** The HTTP version of the final response: `'2'` when the server chose HTTP/2 by ALPN. */
  httpVersion?: HttpVersion;
  /**
   * Response body bytes read from the connection, as the server sent them (after chunked framing, before
   * content decoding) (HTTP), or reply bytes read (TCP). Kept when the probe failed partway through the body.
   */
  bytesRead?: number;
  /**
   * The content coding the body came in and was decoded from before assertions, as the server named it
   * (`'gzip'`, `'br'`, `'deflate'`, `'zstd'`, or a list such as `'gzip, br'`). Absent for an unencoded body.
   */
  contentEncoding?: string;
  /** Body bytes after decoding `contentEncoding`, at most `maxBodyBytes`; present only with `contentEncoding`. */
  decodedBytes?: number;
  /** The (decoded) body was longer than `maxBodyBytes` and the rest was not downloaded. */
  bodyTruncated?: boolean;
  /** Each hop before the final response, when redirects were followed. */
  redirects?: RedirectHop[];
  /** The address connected to (of the final hop). */
  remoteAddress?: string;
  assertions: AssertionOutcome[];
  tls?: TlsFacts;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  error?: ProbeError;
}
