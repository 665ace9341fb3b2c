import { tableLayout } from '../../core/contract/table-layout';
import type { CounterStore, PartialRound, ProbeCounter } from '../../core/ports/counter-store';
import { putIfCondition } from './conditional-put';
import {
  afterPrefix,
  checkPartitionKey,
  counterSortKey,
  describeItemKey,
  expiresAtSeconds,
  itemKey,
  keyAttributeNames,
  sortKeyOf,
} from './item-keys';
import { type Item, queryAll } from './query-all';
import type { StoreContext } from './store-context';

const attribute = tableLayout.counterAttributes;

/**
 * Counters in DynamoDB: `count#<minute>` items of about 200 bytes, written by a PutItem that fails when the
 * minute's counter exists, read by an eventually consistent Query of the newest counter at or before an instant
 * (`sk <= count#<minute>`, descending, Limit 1). Only a write that failed without an answer and then found the
 * minute's counter reads it back, strongly consistent, to tell its own write from a racing sweep's.
 *
 * With the running latency histogram (a check whose latencies stay within a factor of 4: 8 buckets, about 60
 * bytes more; 64 buckets at most, about 600) an item stays under 1 KB.
 *
 * Cost: a write is 1 WRU; a read is half a read unit. Per check with a 30-day SLO, a sweep minute writes one and
 * reads seven (the newest, and one per window start): 1 WRU + 3.5 RRU, $0.03 + $0.02 a month.
 */
export function createDynamoDbCounterStore(context: StoreContext): CounterStore {
  return {
    async counterAtOrBefore(checkId, atMs) {
      if (atMs < 0) return undefined;
      const to = Number.isFinite(atMs)
        ? counterSortKey(atMs)
        : afterPrefix(tableLayout.sortKeyPrefix.counter);
      const [item] = await queryAll(
        context,
        {
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: keyAttributeNames,
          ExpressionAttributeValues: {
            ':pk': { S: checkPartitionKey(checkId) },
            ':from': { S: counterSortKey(0) },
            ':to': { S: to },
          },
          ScanIndexForward: false,
        },
        1,
      );
      return item === undefined ? undefined : fromCounterItem(item);
    },
    async putCounter(checkId, counter, retentionMs) {
      return putIfCondition(context, {
        item: toCounterItem(checkId, counter, retentionMs),
        key: itemKey(checkPartitionKey(checkId), counterSortKey(counter.atMs)),
        condition: {
          ConditionExpression: 'attribute_not_exists(#sk)',
          ExpressionAttributeNames: { '#sk': tableLayout.sortKey },
        },
        isOwnWrite: (stored) => sameCounter(fromCounterItem(stored), counter),
      });
    },
  };
}

function toCounterItem(checkId: string, counter: ProbeCounter, retentionMs: number): Item {
  const through = counter.countedThroughRoundAtMs;
  const item: Item = {
    ...itemKey(checkPartitionKey(checkId), counterSortKey(counter.atMs)),
    [attribute.total]: { N: String(counter.total) },
    [attribute.availabilityGood]: { N: String(counter.availabilityGood) },
    [attribute.latencyGood]: { N: String(counter.latencyGood) },
    [attribute.countedThroughRoundAtMs]: { N: String(through) },
    [attribute.lastReportedMs]: { S: JSON.stringify(counter.lastReportedMs) },
    [tableLayout.ttlAttribute]: { N: expiresAtSeconds(counter.atMs + retentionMs) },
  };
  if (counter.partialRounds.length > 0) {
    // Each round as its distance before `countedThroughRoundAtMs`: 4 characters for the last 15 minutes.
    item[attribute.partialRounds] = {
      S: counter.partialRounds
        .map((round) => `${(through - round.roundAtMs).toString(36)}:${round.countedRegions.toString(36)}`)
        .join(','),
    };
  }
  const histogram = counter.latencyHistogram;
  if (histogram?.some((count) => count > 0)) {
    item[attribute.latencyHistogram] = { S: encodeHistogram(histogram) };
  }
  return item;
}

/** `<bucket base 36>:<count base 36>` for each bucket with a count, comma-separated. */
function encodeHistogram(histogram: readonly number[]): string {
  return histogram
    .flatMap((count, bucket) => (count > 0 ? [`${bucket.toString(36)}:${count.toString(36)}`] : []))
    .join(',');
}

function decodeHistogram(text: string): number[] {
  const counts: number[] = [];
  for (const entry of text.split(',')) {
    const [bucket = '', count = ''] = entry.split(':');
    const index = Number.parseInt(bucket, 36);
    const value = Number.parseInt(count, 36);
    if (!Number.isInteger(index) || index < 0 || index > 1023 || !Number.isFinite(value)) continue;
    while (counts.length <= index) counts.push(0);
    counts[index] = value;
  }
  return counts;
}

function sameCounter(a: ProbeCounter, b: ProbeCounter): boolean {
  return JSON.stringify(a) === JSON.stringify(fromCounterItem(toCounterItem('', b, 0)));
}

function fromCounterItem(item: Item): ProbeCounter {
  const number = (name: string) => Number(item[name]?.N);
  const atMs = Number(sortKeyOf(item)?.slice(tableLayout.sortKeyPrefix.counter.length));
  const through = number(attribute.countedThroughRoundAtMs);
  const counter: ProbeCounter = {
    atMs,
    total: number(attribute.total),
    availabilityGood: number(attribute.availabilityGood),
    latencyGood: number(attribute.latencyGood),
    countedThroughRoundAtMs: through,
    partialRounds: partialRoundsOf(item[attribute.partialRounds]?.S, through),
    lastReportedMs: JSON.parse(item[attribute.lastReportedMs]?.S ?? '{}') as Record<string, number>,
  };
  const histogram = item[attribute.latencyHistogram]?.S;
  if (histogram !== undefined && histogram !== '') counter.latencyHistogram = decodeHistogram(histogram);
  const numbers = [atMs, through, counter.total, counter.availabilityGood, counter.latencyGood];
  if (!numbers.every(Number.isFinite)) throw new Error(`item ${describeItemKey(item)} is not a counter`);
  return counter;
}

function partialRoundsOf(text: string | undefined, through: number): PartialRound[] {
  if (text === undefined || text === '') return [];
  return text.split(',').map((entry) => {
    const [before = '', regions = ''] = entry.split(':');
    return { roundAtMs: through - Number.parseInt(before, 36), countedRegions: Number.parseInt(regions, 36) };
  });
}
