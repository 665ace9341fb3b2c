import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { backoffDelayMs } from '../retry-with-backoff';
import { mapSettled } from './map-settled';
import type { Item } from './query-all';
import type { StoreContext } from './store-context';

/** BatchWriteItem's limit of requests per call. */
export const batchWriteLimit = 25;

/** What a batch of puts left unwritten. */
export interface BatchPutOutcome {
  /** The items not written once attempts ran out (or after an error not worth retrying). */
  unwritten: Item[];
  /** The last error seen, when one was. */
  lastError?: unknown;
}

/**
 * Puts items with BatchWriteItem, `batchWriteLimit` per call, chunks in parallel up to the store's concurrency.
 * Retries a chunk's unprocessed items, and the whole remaining chunk on throttling, server and network errors,
 * with exponential backoff and jitter, up to the store's attempts per chunk. Never rejects: what could not be
 * written is in the outcome. Items must have distinct keys (one call may not hold the same key twice).
 */
export async function batchPutItems(context: StoreContext, items: readonly Item[]): Promise<BatchPutOutcome> {
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += batchWriteLimit) {
    chunks.push(items.slice(start, start + batchWriteLimit));
  }
  const outcomes = await mapSettled(chunks, context.concurrency, (chunk) => putChunk(context, chunk));
  const unwritten: Item[] = [];
  let lastError: unknown;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') throw outcome.reason;
    unwritten.push(...outcome.value.unwritten);
    if (outcome.value.lastError !== undefined) lastError = outcome.value.lastError;
  }
  return lastError === undefined ? { unwritten } : { unwritten, lastError };
}

async function putChunk(context: StoreContext, chunk: Item[]): Promise<BatchPutOutcome> {
  const { attempts, baseDelayMs, maxDelayMs, sleep, isRetryable } = context.retry;
  let pending = chunk;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await context.client.send(
        new BatchWriteItemCommand({
          RequestItems: { [context.tableName]: pending.map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
      pending = unprocessedPuts(reply.UnprocessedItems?.[context.tableName]);
      if (pending.length === 0) return { unwritten: [] };
      lastError = new Error(`${pending.length} items came back unprocessed`);
    } catch (error) {
      lastError = error;
      if (!isRetryable(error)) return { unwritten: pending, lastError };
    }
    if (attempt >= attempts) return { unwritten: pending, lastError };
    await sleep(backoffDelayMs(attempt, baseDelayMs, maxDelayMs, Math.random));
  }
}

function unprocessedPuts(requests: readonly { PutRequest?: { Item?: Item } }[] | undefined): Item[] {
  const items: Item[] = [];
  for (const request of requests ?? []) {
    if (request.PutRequest?.Item !== undefined) items.push(request.PutRequest.Item);
  }
  return items;
}
