import type {
  HeartbeatCheckDeclaration,
  HttpCheckDeclaration,
  TcpCheckDeclaration,
  TlsCheckDeclaration,
} from './declarations';
import { type RegexInput, toRegexSource } from './regex-source';

/** What `http()` takes: an HTTP check declaration without its `kind`. */
export type HttpCheckProps = Omit<HttpCheckDeclaration, 'kind'>;

/** What `tcp()` takes: a TCP check declaration without its `kind`; `expect` may be a `RegExp` literal. */
export type TcpCheckProps = Omit<TcpCheckDeclaration, 'kind' | 'expect'> & {
  /**
   * A string the reply must contain, or a regular expression it must match, before the deadline.
   * @default undefined (a connection is enough)
   */
  expect?: string | RegexInput;
};

/** What `tls()` takes: a TLS check declaration without its `kind`. */
export type TlsCheckProps = Omit<TlsCheckDeclaration, 'kind'>;

/**
 * Declares an HTTP(S) check. Returns plain data; nothing is sent until the monitor is deployed or run.
 * @example http({ id: 'orders-api', url: 'https://api.example.com/health', assert: [expect.status().equals(200)] })
 */
export function http(props: HttpCheckProps): HttpCheckDeclaration {
  return { kind: 'http', ...props };
}

/**
 * Declares a raw TCP check: connect, optionally send bytes, optionally expect a reply.
 * A `RegExp` given as `expect` is stored as a `RegexSource`.
 * @example tcp({ id: 'redis', host: 'cache.example.com', port: 6379, send: 'PING\r\n', expect: 'PONG' })
 */
export function tcp(props: TcpCheckProps): TcpCheckDeclaration {
  const { expect, ...rest } = props;
  const declaration: TcpCheckDeclaration = { kind: 'tcp', ...rest };
  if (expect !== undefined) declaration.expect = typeof expect === 'string' ? expect : toRegexSource(expect);
  return declaration;
}

/**
 * Declares a TLS check: handshake, then judge the certificate.
 * @example tls({ id: 'www-cert', host: 'www.example.com', minDaysValid: 21 })
 */
export function tls(props: TlsCheckProps): TlsCheckDeclaration {
  return { kind: 'tls', ...props };
}

/** What `heartbeat()` takes: a heartbeat declaration without its `kind`. */
export type HeartbeatCheckProps = Omit<HeartbeatCheckDeclaration, 'kind'>;

/**
 * Declares a heartbeat monitor: a job pings `/ping/<id>/<token>` every `period`; the check fails when `period` plus
 * `grace` passes without a ping, or at once on `/ping/<id>/<token>/fail`.
 * @example heartbeat({ id: 'nightly-backup', period: '1d', grace: '1h', token: secret('/lookout/heartbeat/nightly-backup') })
 */
export function heartbeat(props: HeartbeatCheckProps): HeartbeatCheckDeclaration {
  return { kind: 'heartbeat', ...props };
}
