import { createServer, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { closeServer } from './close-server';

/** A request as a loopback AWS endpoint received it. */
export interface AwsRequest {
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Body bytes on the wire (compressed, when the SDK compressed it). */
  wireBytes: number;
  /** Whether the body came gzip-compressed (`content-encoding: gzip`). */
  gzipped: boolean;
  /** The decoded body, UTF-8. */
  body: string;
  /** The fault the endpoint answered with instead of handling it, if any. */
  fault?: AwsFault;
}

/** An answer of a loopback AWS endpoint. */
export interface AwsReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A planned failure: an HTTP 500, or a throttling answer (HTTP 400 with the service's throttling error). */
export type AwsFault = 'server-error' | 'throttling';

/** What a service-specific endpoint supplies: how to answer a request, and how to answer with a fault. */
export interface AwsServiceBehavior {
  handle(request: AwsRequest): AwsReply;
  fault(fault: AwsFault, request: AwsRequest): AwsReply;
}

/** A running loopback AWS endpoint. */
export interface AwsEndpoint {
  /** `http://127.0.0.1:<port>`: the SDK client's `endpoint`. */
  url: string;
  /** Every request received, faulted ones included, in arrival order. */
  requests: AwsRequest[];
  /** Answers the next `count` requests with `fault` instead of handling them. */
  failNext(count: number, fault: AwsFault): void;
  /** Answers the requests with these 1-based arrival numbers (counting every request) with `fault`. */
  failRequests(numbers: readonly number[], fault: AwsFault): void;
  close(): Promise<void>;
}

/** Starts an HTTP endpoint on 127.0.0.1 that decodes (and gunzips) each request and answers through `behavior`. */
export async function startAwsEndpoint(behavior: AwsServiceBehavior): Promise<AwsEndpoint> {
  const requests: AwsRequest[] = [];
  const faults: AwsFault[] = [];
  const numberedFaults = new Map<number, AwsFault>();
  const server = createServer(async (incoming, response) => {
    let request: AwsRequest;
    try {
      request = await readRequest(incoming);
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end(String(error));
      return;
    }
    const fault = numberedFaults.get(requests.length + 1) ?? faults.shift();
    if (fault !== undefined) request.fault = fault;
    requests.push(request);
    let reply: AwsReply;
    try {
      reply = fault === undefined ? behavior.handle(request) : behavior.fault(fault, request);
    } catch (error) {
      reply = { status: 500, headers: { 'content-type': 'text/plain' }, body: String(error) };
    }
    response.writeHead(reply.status, {
      ...reply.headers,
      'content-length': String(Buffer.byteLength(reply.body)),
      'x-amzn-requestid': `req-${requests.length}`,
    });
    response.end(reply.body);
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(count, fault) {
      for (let index = 0; index < count; index++) faults.push(fault);
    },
    failRequests(numbers, fault) {
      for (const number of numbers) numberedFaults.set(number, fault);
    },
    async close() {
      server.closeAllConnections();
      await closeServer(server);
    },
  };
}

async function readRequest(incoming: IncomingMessage): Promise<AwsRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const encodings = (headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim())
    .filter((encoding) => encoding !== '');
  let decoded = raw;
  for (const encoding of [...encodings].reverse()) {
    if (encoding !== 'gzip') throw new Error(`unexpected content-encoding ${encoding}`);
    decoded = gunzipSync(decoded);
  }
  return {
    method: incoming.method ?? '',
    path: incoming.url ?? '',
    headers,
    wireBytes: raw.length,
    gzipped: encodings.includes('gzip'),
    body: decoded.toString('utf8'),
  };
}

/** A JSON-protocol (awsJson 1.0 / 1.1) error answer. */
export function jsonError(
  status: number,
  type: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): AwsReply {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', ...extraHeaders },
    body: JSON.stringify({ __type: type, message }),
  };
}

/** A JSON-protocol success answer. */
export function jsonReply(body: unknown, contentType = 'application/x-amz-json-1.1'): AwsReply {
  return { status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(body) };
}
