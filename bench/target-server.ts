/**
 * The bench's target: an HTTP and an HTTPS server on 127.0.0.1, run as a child process (forked by
 * target-process.ts) so that serving does not use the benchmarked process's CPU.
 *
 * `GET /delay/<ms>` waits <ms> before sending the headers, then a small body. Exits when the parent goes away.
 * Usage (from target-process.ts only): target-server.ts <cert.pem> <key.pem>
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { listenOnLoopback } from '../functions/adapters/listen-on-loopback';
import {
  maxTargetDelayMs,
  type TakeStatsMessage,
  type TargetReadyMessage,
  type TargetStatsMessage,
} from './target-protocol';

const maxRecordedOvershoots = 100_000;
const responseBody = Buffer.from('ok: lookout bench target\n');
const delayPathPattern = /^\/delay\/(\d{1,5})$/;

let connections = 0;
let requests = 0;
let delayOvershootMs: number[] = [];

function sendResponse(response: ServerResponse): void {
  requests += 1;
  response.writeHead(200, { 'content-type': 'text/plain', 'content-length': responseBody.length });
  response.end(responseBody);
}

function recordOvershoot(overshootMs: number): void {
  if (delayOvershootMs.length < maxRecordedOvershoots) delayOvershootMs.push(overshootMs);
}

function handleRequest(request: IncomingMessage, response: ServerResponse): void {
  const match = delayPathPattern.exec(request.url ?? '');
  const delayMs = Math.min(Number(match?.[1] ?? 0), maxTargetDelayMs);
  if (delayMs === 0) {
    recordOvershoot(0);
    sendResponse(response);
    return;
  }
  const startedAt = performance.now();
  setTimeout(() => {
    recordOvershoot(performance.now() - startedAt - delayMs);
    sendResponse(response);
  }, delayMs);
}

function listen(server: Server): Promise<number> {
  server.on('connection', () => {
    connections += 1;
  });
  return listenOnLoopback(server, 0, 1024);
}

function takeStats(requestId: number): TargetStatsMessage {
  const stats: TargetStatsMessage = { type: 'stats', requestId, connections, requests, delayOvershootMs };
  connections = 0;
  requests = 0;
  delayOvershootMs = [];
  return stats;
}

async function main(): Promise<void> {
  const [certPath, keyPath] = process.argv.slice(2);
  if (!process.send || !certPath || !keyPath) {
    throw new Error('target-server.ts is started by target-process.ts with <cert.pem> <key.pem>');
  }
  const httpServer = createServer(handleRequest);
  const httpsServer = createTlsServer(
    { cert: readFileSync(certPath), key: readFileSync(keyPath) },
    handleRequest,
  ) as unknown as Server;
  const [httpPort, httpsPort] = await Promise.all([listen(httpServer), listen(httpsServer)]);
  process.on('message', (message: TakeStatsMessage) => {
    if (message.type === 'takeStats') process.send?.(takeStats(message.requestId));
  });
  // The IPC channel closes when the bench exits, however it exits: stop then.
  process.on('disconnect', () => process.exit(0));
  const ready: TargetReadyMessage = { type: 'ready', httpPort, httpsPort };
  process.send(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
