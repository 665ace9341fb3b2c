import { tableLayout } from '../../core/contract/table-layout';
import type { StoredResult } from '../../core/ports/stored-result';
import type { ProbeResult } from '../../core/probe-result';
import {
  canonicalIso,
  checkPartitionKey,
  describeItemKey,
  expiresAtSeconds,
  itemIdentity,
  itemKey,
  latestSortKey,
  resultSortKey,
} from './item-keys';
import type { Item } from './query-all';

const attribute = tableLayout.resultAttributes;

/** A result ready to write: its raw item and what its latest item needs. */
export interface ResultRecord {
  checkId: string;
  region: string;
  startedAtMs: number;
  /** The raw item (with its expiry). */
  rawItem: Item;
  /** The raw item's identity (`itemIdentity`): a result's. */
  identity: string;
}

/** Builds the raw item of a result, expiring `retentionMs` after the result's start. */
export function toResultRecord(stored: StoredResult, retentionMs: number): ResultRecord {
  const { result, roundAtMs } = stored;
  const startedAtIso = canonicalIso(result.startedAt, `result ${result.checkId}/${result.region} startedAt`);
  const startedAtMs = Date.parse(startedAtIso);
  const rawItem: Item = {
    ...itemKey(checkPartitionKey(result.checkId), resultSortKey(startedAtIso, result.region)),
    ...resultAttributes(result, roundAtMs),
    [tableLayout.ttlAttribute]: { N: expiresAtSeconds(startedAtMs + retentionMs) },
  };
  return {
    checkId: result.checkId,
    region: result.region,
    startedAtMs,
    identity: itemIdentity(rawItem),
    rawItem,
  };
}

/** The latest item of a result's region: the raw item's attributes, without expiry, with the start in ms. */
export function toLatestItem(record: ResultRecord): Item {
  const latest: Item = {
    ...itemKey(checkPartitionKey(record.checkId), latestSortKey(record.region)),
    [attribute.startedAtMs]: { N: String(record.startedAtMs) },
  };
  for (const name of [attribute.result, attribute.roundAtMs, attribute.region, attribute.ok]) {
    const value = record.rawItem[name];
    if (value !== undefined) latest[name] = value;
  }
  return latest;
}

/** Reads a result or latest item back. */
export function fromResultItem(item: Item): StoredResult {
  const json = item[attribute.result]?.S;
  const roundAtMs = Number(item[attribute.roundAtMs]?.N);
  if (json === undefined || !Number.isFinite(roundAtMs)) {
    throw new Error(`item ${describeItemKey(item)} is not a result`);
  }
  return { result: JSON.parse(json) as ProbeResult, roundAtMs };
}

function resultAttributes(result: ProbeResult, roundAtMs: number): Item {
  return {
    [attribute.result]: { S: JSON.stringify(result) },
    [attribute.roundAtMs]: { N: String(roundAtMs) },
    [attribute.region]: { S: result.region },
    [attribute.ok]: { BOOL: result.ok },
  };
}
