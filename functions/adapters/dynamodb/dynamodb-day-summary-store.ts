import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { tableLayout } from '../../core/contract/table-layout';
import type { DaySummary, DaySummaryStore, DayTally } from '../../core/ports/day-summary-store';
import { checkPartitionKey, describeItemKey, expiresAtSeconds, itemKey } from './item-keys';
import type { Item } from './query-all';
import { isConditionalCheckFailed, type StoreContext } from './store-context';

const attribute = tableLayout.daySummaryAttributes;

/**
 * Day summaries in DynamoDB: one `days` item per check (about 800 bytes for 90 days of a 1-minute check in 3
 * regions), read with an eventually consistent GetItem, rewritten by a PutItem conditional on the `throughDayMs`
 * it was made from.
 *
 * Cost per check-month: the sweep reads and writes it once a day (15 RRU and 30 WRU, $0.00002); the status page
 * reads it once per regeneration (half a read unit).
 */
export function createDynamoDbDaySummaryStore(context: StoreContext): DaySummaryStore {
  return {
    async daySummary(checkId) {
      const { Item: item } = await context.retrying(() =>
        context.client.send(
          new GetItemCommand({
            TableName: context.tableName,
            Key: itemKey(checkPartitionKey(checkId), tableLayout.daySummarySortKey),
          }),
        ),
      );
      return item === undefined ? undefined : fromDaySummaryItem(item);
    },
    async putDaySummary(checkId, summary, previousThroughDayMs, retentionMs) {
      const item: Item = {
        ...itemKey(checkPartitionKey(checkId), tableLayout.daySummarySortKey),
        [attribute.throughDayMs]: { N: String(summary.throughDayMs) },
        [attribute.base]: { S: encodeTally(summary.base) },
        [tableLayout.ttlAttribute]: { N: expiresAtSeconds(summary.throughDayMs + retentionMs) },
      };
      if (summary.days.length > 0) item[attribute.days] = { S: summary.days.map(encodeTally).join(',') };
      try {
        await context.retrying(() =>
          context.client.send(
            new PutItemCommand({
              TableName: context.tableName,
              Item: item,
              ...(previousThroughDayMs === undefined
                ? {
                    ConditionExpression: 'attribute_not_exists(#sk)',
                    ExpressionAttributeNames: { '#sk': tableLayout.sortKey },
                  }
                : {
                    ConditionExpression: '#through = :previous',
                    ExpressionAttributeNames: { '#through': attribute.throughDayMs },
                    ExpressionAttributeValues: { ':previous': { N: String(previousThroughDayMs) } },
                  }),
            }),
          ),
        );
        return true;
      } catch (error) {
        // Another sweep summarized first (or a retried attempt of this one had written already).
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },
  };
}

/** `<total base 36>:<ok base 36>`, or nothing for a day without probes. */
function encodeTally(tally: DayTally | undefined): string {
  return tally === undefined ? '' : `${tally.total.toString(36)}:${tally.availabilityGood.toString(36)}`;
}

function decodeTally(text: string): DayTally | undefined {
  if (text === '') return undefined;
  const [total = '', good = ''] = text.split(':');
  const tally = { total: Number.parseInt(total, 36), availabilityGood: Number.parseInt(good, 36) };
  return Number.isFinite(tally.total) && Number.isFinite(tally.availabilityGood) ? tally : undefined;
}

function fromDaySummaryItem(item: Item): DaySummary {
  const throughDayMs = Number(item[attribute.throughDayMs]?.N);
  const base = decodeTally(item[attribute.base]?.S ?? '');
  if (!Number.isFinite(throughDayMs) || base === undefined)
    throw new Error(`item ${describeItemKey(item)} is not a day summary`);
  const days = item[attribute.days]?.S;
  return { throughDayMs, base, days: days === undefined ? [] : days.split(',').map(decodeTally) };
}
