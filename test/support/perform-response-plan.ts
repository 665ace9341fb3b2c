import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EndlessBodyPlan, ResponsePlan } from './response-plan';

/** What a plan reports back to its server. */
export interface PlanCounters {
  /** Adds body bytes handed to the socket by an `endlessBody` plan. */
  addBodyBytesWritten(bytes: number): void;
}

/** How long a reset waits after writing, so the client has the headers and partial body before the RST. */
const FLUSH_BEFORE_RESET_MS = 50;

/** Carries out one plan on one request. Never throws: a client that went away just ends the plan. */
export async function performResponsePlan(
  plan: ResponsePlan,
  request: IncomingMessage,
  response: ServerResponse,
  counters: PlanCounters,
): Promise<void> {
  const socket = request.socket;
  const gone = () => socket.destroyed || response.destroyed;
  switch (plan.kind) {
    case 'respond': {
      if (plan.delayMs) await sleep(plan.delayMs);
      if (gone()) return;
      const body = plan.body ?? '';
      response.writeHead(plan.status ?? 200, {
        'content-type': 'text/plain',
        'content-length': String(Buffer.byteLength(body)),
        ...plan.headers,
      });
      response.end(body);
      return;
    }
    case 'trickle': {
      response.writeHead(plan.status ?? 200, { 'content-type': 'text/plain' });
      response.flushHeaders();
      for (const chunk of plan.chunks) {
        await sleep(plan.intervalMs);
        if (gone()) return;
        response.write(chunk);
      }
      response.end();
      return;
    }
    case 'redirect': {
      if (plan.delayMs) await sleep(plan.delayMs);
      if (gone()) return;
      response.writeHead(plan.status ?? 302, { location: plan.location, 'content-length': '0' });
      response.end();
      return;
    }
    case 'truncatedBody': {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(plan.declaredBytes) });
      response.write(plan.body);
      socket.end();
      return;
    }
    case 'resetMidBody': {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(plan.declaredBytes) });
      response.write(plan.body);
      await sleep(FLUSH_BEFORE_RESET_MS);
      if (!socket.destroyed) socket.resetAndDestroy();
      return;
    }
    case 'resetBeforeResponse': {
      socket.resetAndDestroy();
      return;
    }
    case 'hang':
      return;
    case 'endlessBody':
      await streamEndlessBody(plan, response, counters, gone);
      return;
  }
}

async function streamEndlessBody(
  plan: EndlessBodyPlan,
  response: ServerResponse,
  counters: PlanCounters,
  gone: () => boolean,
): Promise<void> {
  const chunk = Buffer.alloc(plan.chunkBytes ?? 65_536, 'x');
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(plan.totalBytes),
  });
  let written = 0;
  while (written < plan.totalBytes && !gone()) {
    const piece =
      plan.totalBytes - written >= chunk.length ? chunk : chunk.subarray(0, plan.totalBytes - written);
    const canContinue = response.write(piece);
    written += piece.length;
    counters.addBodyBytesWritten(piece.length);
    if (!canContinue) await drainedOrClosed(response);
  }
  if (!gone()) response.end();
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
