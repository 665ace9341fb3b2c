import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import { closeServer } from './close-server';

/** What the proxy does with one request. */
export type FaultAction =
  /** Pass it to the target and its answer back. */
  | { kind: 'forward' }
  /**
   * Answer with an AWS JSON error (`{"__type": ..., "message": ...}`) instead of the target; with
   * `afterForwarding`, the target gets (and performs) the request first and its answer is dropped.
   */
  | { kind: 'error'; status: number; errorType: string; message?: string; afterForwarding?: boolean }
  /**
   * BatchWriteItem: forward only the first `keep` write requests (all tables, in order) and answer the others
   * as `UnprocessedItems`, merged with any the target left unprocessed.
   */
  | { kind: 'unprocessed'; keep: number }
  /** Drop the connection without answering; with `afterForwarding`, after the target performed the request. */
  | { kind: 'reset'; afterForwarding?: boolean }
  /** Answer with exactly this, without asking the target. */
  | { kind: 'reply'; status: number; headers?: Record<string, string>; body: string };

/** A request as the plan sees it. */
export interface ProxiedRequest {
  /** 0 for the first request the proxy received. */
  index: number;
  /** The operation: from `X-Amz-Target` (JSON protocols), an `Action=` form field (query protocol), or the path. */
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body parsed, when it is JSON. */
  json?: unknown;
}

/** A request the proxy handled, and how. */
export interface SeenRequest extends ProxiedRequest {
  action: FaultAction;
  /** The status answered (undefined for a reset). */
  status?: number;
  /** The number of write requests forwarded and held back, for `unprocessed`. */
  forwardedWrites?: number;
  heldBackWrites?: number;
}

/** Decides what to do with a request; undefined forwards it. */
export type FaultPlan = (request: ProxiedRequest) => FaultAction | undefined;

/** A running proxy. */
export interface FaultProxy {
  /** Such as `http://127.0.0.1:41234`. */
  endpoint: string;
  /** Every request handled so far, in arrival order. */
  seen: SeenRequest[];
  /** Replaces the plan. */
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
}

/** The namespace of DynamoDB's error types. */
export const dynamoDbErrorNamespace = 'com.amazonaws.dynamodb.v20120810';

/** Ready-made actions. */
export const faults = {
  forward: (): FaultAction => ({ kind: 'forward' }),
  throttle: (
    errorType: 'ThrottlingException' | 'ProvisionedThroughputExceededException' = 'ThrottlingException',
  ): FaultAction => ({ kind: 'error', status: 400, errorType: `${dynamoDbErrorNamespace}#${errorType}` }),
  serverError: (afterForwarding = false): FaultAction => ({
    kind: 'error',
    status: 500,
    errorType: `${dynamoDbErrorNamespace}#InternalServerError`,
    afterForwarding,
  }),
  unprocessed: (keep: number): FaultAction => ({ kind: 'unprocessed', keep }),
  reset: (afterForwarding = false): FaultAction => ({ kind: 'reset', afterForwarding }),
};

/**
 * A plan that gives the n-th request of `operation` (every operation when undefined) the n-th action, and
 * forwards everything after the last.
 */
export function faultSequence(operation: string | undefined, actions: readonly FaultAction[]): FaultPlan {
  let matched = 0;
  return (request) => {
    if (operation !== undefined && request.operation !== operation) return undefined;
    return actions[matched++];
  };
}

/**
 * Starts an HTTP proxy on 127.0.0.1 in front of `target` (an `http://` endpoint, such as dynalite's) that
 * follows `plan`: it forwards, or answers errors itself, or forwards part of a BatchWriteItem, and records
 * everything it saw. It does not re-sign what it changes, so its target must not check signatures.
 */
export async function startFaultProxy(options: { target: string; plan?: FaultPlan }): Promise<FaultProxy> {
  const target = new URL(options.target);
  let plan: FaultPlan = options.plan ?? (() => undefined);
  const seen: SeenRequest[] = [];
  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 502, {}, String(error));
      else response.destroy();
    });
  });

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    const request: ProxiedRequest = {
      index: seen.length,
      operation: operationOf(incoming, body),
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body,
      json: parseJson(body),
    };
    const action = plan(request) ?? { kind: 'forward' };
    const record: SeenRequest = { ...request, action };
    seen.push(record);
    switch (action.kind) {
      case 'forward': {
        const answer = await forward(target, request, body);
        record.status = answer.status;
        reply(response, answer.status, answer.headers, answer.body);
        return;
      }
      case 'reply':
        record.status = action.status;
        reply(response, action.status, action.headers ?? {}, action.body);
        return;
      case 'error': {
        if (action.afterForwarding) await forward(target, request, body);
        record.status = action.status;
        const errorBody = JSON.stringify({
          __type: action.errorType,
          message: action.message ?? 'injected by the fault proxy',
        });
        reply(response, action.status, { 'content-type': 'application/x-amz-json-1.0' }, errorBody);
        return;
      }
      case 'reset':
        if (action.afterForwarding) await forward(target, request, body);
        response.socket?.destroy();
        return;
      case 'unprocessed': {
        const split = splitBatchWrite(request.json, action.keep);
        record.forwardedWrites = split.forwardedCount;
        record.heldBackWrites = split.heldBackCount;
        let upstreamUnprocessed: Record<string, unknown[]> = {};
        let status = 200;
        let headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
        if (split.forwardedCount > 0) {
          const answer = await forward(target, request, JSON.stringify(split.forwarded));
          if (answer.status !== 200) {
            record.status = answer.status;
            reply(response, answer.status, answer.headers, answer.body);
            return;
          }
          status = answer.status;
          headers = answer.headers;
          upstreamUnprocessed =
            (parseJson(answer.body) as { UnprocessedItems?: Record<string, unknown[]> })?.UnprocessedItems ??
            {};
        }
        const unprocessed = mergeRequestItems(upstreamUnprocessed, split.heldBack);
        record.status = status;
        reply(response, status, headers, JSON.stringify({ UnprocessedItems: unprocessed }));
        return;
      }
    }
  }

  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    setPlan(next) {
      plan = next;
    },
    async close() {
      const closed = closeServer(server);
      server.closeAllConnections();
      await closed;
    },
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function forward(target: URL, request: ProxiedRequest, body: string): Promise<Answer> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'host' && name !== 'content-length' && name !== 'connection') {
      headers[name] = value;
    }
  }
  headers.host = target.host;
  headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { hostname: target.hostname, port: target.port, method: request.method, path: request.path, headers },
      (answer) => {
        readBody(answer).then((text) => {
          const answerHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (typeof value === 'string') answerHeaders[name] = value;
          }
          resolve({ status: answer.statusCode ?? 502, headers: answerHeaders, body: text });
        }, reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function reply(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  const payload = Buffer.from(body);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!['content-length', 'x-amz-crc32', 'connection', 'transfer-encoding', 'keep-alive'].includes(name)) {
      out[name] = value;
    }
  }
  out['content-length'] = String(payload.length);
  out['x-amz-crc32'] = String(crc32(payload));
  response.writeHead(status, out);
  response.end(payload);
}

function readBody(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function operationOf(incoming: IncomingMessage, body: string): string {
  const amzTarget = incoming.headers['x-amz-target'];
  if (typeof amzTarget === 'string') return amzTarget.slice(amzTarget.lastIndexOf('.') + 1);
  if (String(incoming.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(body).get('Action');
    if (action !== null) return action;
  }
  const path = incoming.url ?? '/';
  const rpcOperation = /\/operation\/([^/?]+)/.exec(path);
  return rpcOperation?.[1] ?? path;
}

interface BatchSplit {
  forwarded: { RequestItems: Record<string, unknown[]> } & Record<string, unknown>;
  heldBack: Record<string, unknown[]>;
  forwardedCount: number;
  heldBackCount: number;
}

function splitBatchWrite(json: unknown, keep: number): BatchSplit {
  const input = (json ?? {}) as { RequestItems?: Record<string, unknown[]> } & Record<string, unknown>;
  const forwardedItems: Record<string, unknown[]> = {};
  const heldBack: Record<string, unknown[]> = {};
  let forwardedCount = 0;
  let heldBackCount = 0;
  for (const [table, requests] of Object.entries(input.RequestItems ?? {})) {
    for (const writeRequest of requests) {
      const into = forwardedCount < keep ? forwardedItems : heldBack;
      into[table] ??= [];
      into[table].push(writeRequest);
      if (into === forwardedItems) forwardedCount++;
      else heldBackCount++;
    }
  }
  return { forwarded: { ...input, RequestItems: forwardedItems }, heldBack, forwardedCount, heldBackCount };
}

function mergeRequestItems(...parts: Record<string, unknown[]>[]): Record<string, unknown[]> {
  const merged: Record<string, unknown[]> = {};
  for (const part of parts) {
    for (const [table, requests] of Object.entries(part)) {
      merged[table] = [...(merged[table] ?? []), ...requests];
    }
  }
  return merged;
}
