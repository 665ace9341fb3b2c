import { createServer, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../../functions/adapters/listen-on-loopback';
import { fanOutNotifiers } from '../../../functions/adapters/notifiers/fan-out-notifiers';
import { queueNotifier } from '../../../functions/adapters/notifiers/queued-notifier';
import { createTerminalNotifier } from '../../../functions/adapters/notifiers/terminal-notifier';
import {
  createWebhookNotifier,
  describeFetchFailure,
} from '../../../functions/adapters/notifiers/webhook-notifier';
import type { LookoutEvent } from '../../../functions/core/alerting/lookout-event';
import { outageOpened, outageResolved } from '../../core/messages/event-fixtures';
import { closeServer } from '../../support/close-server';
import { closedPort } from '../../support/closed-port';

/** A webhook on 127.0.0.1 that answers each POST as `answer` says, recording the event ids in order. */
async function startWebhook(answer: (count: number, response: ServerResponse) => void) {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push((JSON.parse(body) as LookoutEvent).id);
      answer(received.length, response);
    });
  });
  const url = `http://127.0.0.1:${await listenOnLoopback(server)}/hook`;
  const close = async () => {
    server.closeAllConnections();
    await closeServer(server);
  };
  closers.push(close);
  return { url, received };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('createWebhookNotifier', () => {
  it('names the URL and the network cause when the webhook cannot be reached', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/hook`;
    await expect(createWebhookNotifier(url).publish(outageOpened)).rejects.toThrow(
      `webhook ${url} did not accept orders-api:outage:7: ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('names the status a refusing webhook answered', async () => {
    const webhook = await startWebhook((_count, response) => response.writeHead(503).end());
    await expect(createWebhookNotifier(webhook.url).publish(outageOpened)).rejects.toThrow(
      `webhook ${webhook.url} did not accept orders-api:outage:7: it answered 503 Service Unavailable`,
    );
  });

  it('describes a timeout in words', () => {
    expect(describeFetchFailure(new DOMException('The operation was aborted', 'TimeoutError'))).toBe(
      'no answer within 10s',
    );
  });
});

describe('fanOutNotifiers', () => {
  it('gives the terminal the event without waiting for a webhook that never answers', async () => {
    const webhook = await startWebhook(() => {}); // holds every request open
    const printed: string[] = [];
    const notifier = fanOutNotifiers([
      createTerminalNotifier((event) => printed.push(event.id)),
      queueNotifier(createWebhookNotifier(webhook.url)),
    ]);
    const startedMs = Date.now();
    await notifier.publish(outageOpened);
    await notifier.publish(outageResolved);
    expect(printed).toEqual(['orders-api:outage:7', 'orders-api:outage:12']);
    expect(Date.now() - startedMs).toBeLessThan(1_000);
    await eventually(() => webhook.received.length === 1);
  });

  it('sends an event again only to the notifiers that did not accept it', async () => {
    const webhook = await startWebhook((count, response) =>
      response.writeHead(count === 1 ? 500 : 204).end(),
    );
    const printed: string[] = [];
    const notifier = fanOutNotifiers([
      createTerminalNotifier((event) => printed.push(event.id)),
      createWebhookNotifier(webhook.url),
    ]);
    await expect(notifier.publish(outageOpened)).rejects.toThrow(`webhook ${webhook.url} did not accept`);
    expect(printed).toEqual(['orders-api:outage:7']);
    await notifier.publish(outageOpened);
    expect(printed).toEqual(['orders-api:outage:7']);
    expect(webhook.received).toEqual(['orders-api:outage:7', 'orders-api:outage:7']);
  });
});

describe('queueNotifier', () => {
  it('delivers in order, retries after its delays, and tells the first failure and the recovery', async () => {
    const webhook = await startWebhook((count, response) => response.writeHead(count <= 2 ? 503 : 204).end());
    const failures: string[] = [];
    const recovered: number[] = [];
    const queued = queueNotifier(createWebhookNotifier(webhook.url), {
      retryDelaysMs: [50, 100],
      onFailure: (error, waiting, retryInMs) => failures.push(`${String(error)} | ${waiting} | ${retryInMs}`),
      onRecovered: (delivered) => recovered.push(delivered),
    });
    await queued.publish(outageOpened);
    await queued.publish(outageResolved);
    await eventually(() => recovered.length === 1);
    expect(webhook.received).toEqual([
      'orders-api:outage:7',
      'orders-api:outage:7',
      'orders-api:outage:7',
      'orders-api:outage:12',
    ]);
    // The second failure had the same cause: told once.
    expect(failures).toEqual([
      `Error: webhook ${webhook.url} did not accept orders-api:outage:7: it answered 503 Service Unavailable | 2 | 50`,
    ]);
    expect(recovered).toEqual([2]);
    expect(await queued.close()).toBe(0);
  });

  it('tries once more when closed, and counts what was never accepted', async () => {
    const port = await closedPort();
    const queued = queueNotifier(createWebhookNotifier(`http://127.0.0.1:${port}/hook`), {
      retryDelaysMs: [60_000],
    });
    await queued.publish(outageOpened);
    await queued.publish(outageResolved);
    await eventually(() => queued.waiting() === 2);
    expect(await queued.close()).toBe(2);
  });
});
