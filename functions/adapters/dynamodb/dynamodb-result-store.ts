import { tableLayout } from '../../core/contract/table-layout';
import type { ResultStore } from '../../core/ports/result-store';
import type { StoredResult } from '../../core/ports/stored-result';
import { batchPutItems } from './batch-put-items';
import type { CheckLookup } from './check-lookup';
import {
  afterPrefix,
  canonicalIso,
  checkPartitionKey,
  itemIdentity,
  keyAttributeNames,
  resultSortKey,
} from './item-keys';
import { type Item, queryAll } from './query-all';
import { fromResultItem, toResultItem } from './result-items';
import { ResultsNotWrittenError } from './results-not-written-error';
import type { StoreContext } from './store-context';

/**
 * Results in DynamoDB: each written once, with BatchWriteItem (unconditional puts: a result's key is its own),
 * one write unit for a compact HTTPS result. Reads are eventually consistent queries of one check's results by
 * start time: `resultsSince` reads results that started up to `resultQuerySlackMs` (clock skew) before
 * `fromRoundAtMs` and keeps those of later rounds; `latestResults` reads the newest first.
 *
 * Cost per result: 1 WRU (an HTTPS result with TLS facts and three assertions is about 510 bytes): 43,200 WRU,
 * $0.027, per region and check-month probed every minute, and 22 MB-months stored ($0.0055). A read costs half a
 * read unit per started 4 KB of the results in its range (about 8 results).
 */
export function createDynamoDbResultStore(
  context: StoreContext,
  resultQuerySlackMs: number,
  checkOf: CheckLookup,
): ResultStore {
  return {
    putResults: (results, retentionMs) => putResults(context, results, retentionMs, checkOf),
    async resultsSince(checkId, fromRoundAtMs) {
      const items = await queryResultsSince(context, checkId, fromRoundAtMs - resultQuerySlackMs, 'oldest');
      return items
        .map((item) => fromResultItem(item, checkOf))
        .filter((stored) => stored.roundAtMs >= fromRoundAtMs)
        .sort((a, b) => a.roundAtMs - b.roundAtMs || a.result.startedAt.localeCompare(b.result.startedAt));
    },
    async latestResults(checkId, sinceMs) {
      const items = await queryResultsSince(context, checkId, sinceMs, 'newest');
      const newest = new Map<string, StoredResult>();
      for (const item of items) {
        const stored = fromResultItem(item, checkOf);
        if (!newest.has(stored.result.region)) newest.set(stored.result.region, stored);
      }
      return [...newest.values()];
    },
  };
}

/** The result items of a check that started at or after `sinceMs`, in the order asked, eventually consistent. */
function queryResultsSince(
  context: StoreContext,
  checkId: string,
  sinceMs: number,
  first: 'oldest' | 'newest',
): Promise<Item[]> {
  return queryAll(context, {
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    ExpressionAttributeNames: keyAttributeNames,
    ExpressionAttributeValues: {
      ':pk': { S: checkPartitionKey(checkId) },
      ':from': { S: resultSortKey(canonicalIso(Math.max(0, sinceMs), 'the start of the results read'), '') },
      ':to': { S: afterPrefix(tableLayout.sortKeyPrefix.result) },
    },
    ScanIndexForward: first === 'oldest',
  });
}

async function putResults(
  context: StoreContext,
  results: readonly StoredResult[],
  retentionMs: number,
  checkOf: CheckLookup,
): Promise<void> {
  if (results.length === 0) return;
  const items = results.map((stored) => toResultItem(stored, retentionMs, checkOf));
  // One BatchWriteItem call may not hold a key twice: the same result given twice is written once.
  const byIdentity = new Map<string, Item>();
  for (const item of items) byIdentity.set(itemIdentity(item), item);
  const outcome = await batchPutItems(context, [...byIdentity.values()]);
  if (outcome.unwritten.length === 0) return;
  const failed = new Set(outcome.unwritten.map(itemIdentity));
  const notWritten = items.filter((item) => failed.has(itemIdentity(item))).length;
  throw new ResultsNotWrittenError(
    notWritten,
    results.length,
    `${outcome.unwritten.length} results failed after at most ${context.retry.attempts} attempts each`,
    outcome.lastError,
  );
}
