import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { tableLayout } from '../../core/contract/table-layout';

const { partitionKey, sortKey, sortKeyPrefix: prefix } = tableLayout;

/** The key of an item. */
export type ItemKey = Record<typeof partitionKey | typeof sortKey, AttributeValue>;

/** The key attributes' names as every key expression here spells them: `#pk` and `#sk`. */
export const keyAttributeNames = { '#pk': partitionKey, '#sk': sortKey } as const;

/** The partition key of a check: `check#<checkId>`. */
export function checkPartitionKey(checkId: string): string {
  return `${tableLayout.checkPartitionPrefix}${checkId}`;
}

/** An ISO 8601 timestamp in the one form sort keys use (`toISOString`), so that they sort by time. */
export function canonicalIso(timestamp: string | number, what: string): string {
  const ms = typeof timestamp === 'number' ? timestamp : Date.parse(timestamp);
  if (!Number.isFinite(ms)) throw new Error(`${what} is not a valid timestamp: ${String(timestamp)}`);
  return new Date(ms).toISOString();
}

/** `result#<startedAt ISO>#<region>`. */
export function resultSortKey(startedAtIso: string, region: string): string {
  return `${prefix.result}${startedAtIso}#${region}`;
}

/** `count#<minute>`, the minute's epoch milliseconds zero-padded to 13 digits, so that counters sort by time. */
export function counterSortKey(atMs: number): string {
  const minute = String(Math.max(0, Math.floor(atMs))).padStart(tableLayout.counterMinuteDigits, '0');
  return `${prefix.counter}${minute}`;
}

/** `alert#<key>`. */
export function alertSortKey(key: string): string {
  return `${prefix.alert}${key}`;
}

/** `event#<at ISO>#<eventId>`. */
export function eventSortKey(atIso: string, eventId: string): string {
  return `${prefix.event}${atIso}#${eventId}`;
}

/** The upper bound of every sort key starting with `prefix` (which ends in `#`): the prefix with `#` → `$`. */
export function afterPrefix(sortKeyPrefix: string): string {
  return `${sortKeyPrefix.slice(0, -1)}$`;
}

/** An item key. */
export function itemKey(pk: string, sk: string): ItemKey {
  return { [partitionKey]: { S: pk }, [sortKey]: { S: sk } };
}

/** The sort key of an item, if it has one. */
export function sortKeyOf(item: Readonly<Record<string, AttributeValue>>): string | undefined {
  return item[sortKey]?.S;
}

/** An item's identity: its partition and sort key, joined by a newline (neither contains one). */
export function itemIdentity(item: Readonly<Record<string, AttributeValue>>): string {
  return `${item[partitionKey]?.S}\n${item[sortKey]?.S}`;
}

/** An item's key for messages: `<pk> <sk>`, `?` for a part it lacks. */
export function describeItemKey(item: Readonly<Record<string, { S?: string } | undefined>>): string {
  return `${item[partitionKey]?.S ?? '?'} ${item[sortKey]?.S ?? '?'}`;
}

/** A TTL value: epoch seconds, rounded up so that an item never expires early. */
export function expiresAtSeconds(epochMs: number): string {
  return String(Math.ceil(epochMs / 1000));
}
