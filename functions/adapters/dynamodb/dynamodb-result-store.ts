import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { tableLayout } from '../../core/contract/table-layout';
import type { ResultStore } from '../../core/ports/result-store';
import type { StoredResult } from '../../core/ports/stored-result';
import { batchPutItems } from './batch-put-items';
import {
  afterPrefix,
  canonicalIso,
  checkPartitionKey,
  itemIdentity,
  keyAttributeNames,
  resultSortKey,
} from './item-keys';
import { mapSettled } from './map-settled';
import { queryAll, queryCheckPrefix } from './query-all';
import { fromResultItem, type ResultRecord, toLatestItem, toResultRecord } from './result-items';
import { ResultsNotWrittenError } from './results-not-written-error';
import { isConditionalCheckFailed, type StoreContext } from './store-context';

/**
 * Results in DynamoDB. Raw results go in with BatchWriteItem; the latest item of each (check, region) with a
 * conditional PutItem that only replaces an older result, since BatchWriteItem takes no condition.
 * `resultQuerySlackMs`: how long before its round a result may have started (clock skew); `resultsSince` reads
 * results that started up to that long before `fromRoundAtMs` and keeps those of later rounds.
 */
export function createDynamoDbResultStore(context: StoreContext, resultQuerySlackMs: number): ResultStore {
  return {
    putResults: (results, retentionMs) => putResults(context, results, retentionMs),
    async resultsSince(checkId, fromRoundAtMs) {
      const resultPrefix = tableLayout.sortKeyPrefix.result;
      const items = await queryAll(context, {
        ConsistentRead: true,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        FilterExpression: '#roundAtMs >= :fromRoundAtMs',
        ExpressionAttributeNames: {
          ...keyAttributeNames,
          '#roundAtMs': tableLayout.resultAttributes.roundAtMs,
        },
        ExpressionAttributeValues: {
          ':pk': { S: checkPartitionKey(checkId) },
          ':from': {
            S: resultSortKey(canonicalIso(fromRoundAtMs - resultQuerySlackMs, 'fromRoundAtMs'), ''),
          },
          ':to': { S: afterPrefix(resultPrefix) },
          ':fromRoundAtMs': { N: String(fromRoundAtMs) },
        },
      });
      return items
        .map(fromResultItem)
        .filter((stored) => stored.roundAtMs >= fromRoundAtMs)
        .sort((a, b) => a.roundAtMs - b.roundAtMs);
    },
    async latestResults(checkId) {
      const items = await queryCheckPrefix(context, checkId, tableLayout.sortKeyPrefix.latest, {
        ConsistentRead: true,
      });
      return items.map(fromResultItem);
    },
  };
}

async function putResults(
  context: StoreContext,
  results: readonly StoredResult[],
  retentionMs: number,
): Promise<void> {
  if (results.length === 0) return;
  const records = results.map((stored) => toResultRecord(stored, retentionMs));
  // One BatchWriteItem call may not hold a key twice: the same result given twice is written once.
  const byIdentity = new Map<string, ResultRecord>();
  for (const record of records) byIdentity.set(record.identity, record);
  const newestPerRegion = new Map<string, ResultRecord>();
  for (const record of byIdentity.values()) {
    const key = `${record.checkId}\n${record.region}`;
    const current = newestPerRegion.get(key);
    if (current === undefined || current.startedAtMs < record.startedAtMs) newestPerRegion.set(key, record);
  }
  const latest = [...newestPerRegion.values()];
  const [raw, latestOutcomes] = await Promise.all([
    batchPutItems(
      context,
      [...byIdentity.values()].map((record) => record.rawItem),
    ),
    mapSettled(latest, context.concurrency, (record) => putLatest(context, record)),
  ]);
  const failed = new Set<string>();
  for (const item of raw.unwritten) failed.add(itemIdentity(item));
  let latestFailures = 0;
  let lastError = raw.lastError;
  latestOutcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') return;
    latestFailures++;
    lastError = outcome.reason;
    const record = latest[index];
    if (record !== undefined) failed.add(record.identity);
  });
  if (failed.size === 0) return;
  const notWritten = records.filter((record) => failed.has(record.identity)).length;
  throw new ResultsNotWrittenError(
    notWritten,
    results.length,
    `${raw.unwritten.length} raw results and ${latestFailures} latest-result updates failed after at most ${context.retry.attempts} attempts each`,
    lastError,
  );
}

/** Replaces the latest item of the record's region unless it holds a result that started at or after it. */
async function putLatest(context: StoreContext, record: ResultRecord): Promise<void> {
  try {
    await context.retrying(() =>
      context.client.send(
        new PutItemCommand({
          TableName: context.tableName,
          Item: toLatestItem(record),
          ConditionExpression: 'attribute_not_exists(#sk) OR #startedAtMs < :startedAtMs',
          ExpressionAttributeNames: {
            '#sk': tableLayout.sortKey,
            '#startedAtMs': tableLayout.resultAttributes.startedAtMs,
          },
          ExpressionAttributeValues: { ':startedAtMs': { N: String(record.startedAtMs) } },
        }),
      ),
    );
  } catch (error) {
    // A newer (or this very) result is already the latest one: nothing to do.
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
