import { tableLayout } from '../../core/contract/table-layout';
import type { StoredResult } from '../../core/ports/stored-result';
import type { ProbeResult } from '../../core/probe-result';
import type { CheckLookup } from './check-lookup';
import { type CompactResult, fromCompactResult, type ResultPlace, toCompactResult } from './compact-result';
import {
  canonicalIso,
  checkPartitionKey,
  describeItemKey,
  expiresAtSeconds,
  itemKey,
  resultSortKey,
} from './item-keys';
import type { Item } from './query-all';

const attribute = tableLayout.resultAttributes;

/** The attributes of an item as reading a result needs them: a table item, or a stream image. */
export type ResultAttributes = Readonly<Record<string, { S?: string; N?: string } | undefined>>;

/**
 * The item of a result: its key, the compact result (see `CompactResult`) and the expiry, `retentionMs` after
 * its start. Nothing else: the region and the start are in the key.
 */
export function toResultItem(stored: StoredResult, retentionMs: number, checkOf: CheckLookup): Item {
  const { result } = stored;
  const startedAtIso = canonicalIso(result.startedAt, `result ${result.checkId}/${result.region} startedAt`);
  const place = { checkId: result.checkId, region: result.region, startedAtIso };
  return {
    ...itemKey(checkPartitionKey(result.checkId), resultSortKey(startedAtIso, result.region)),
    [attribute.compact]: { S: JSON.stringify(toCompactResult(stored, place, checkOf(result.checkId))) },
    [tableLayout.ttlAttribute]: { N: expiresAtSeconds(Date.parse(startedAtIso) + retentionMs) },
  };
}

/**
 * Reads a result item back (or a stream image of one), re-attaching what the check says; items written by
 * earlier versions (the whole result as JSON) are read as they are. Throws for an item that is not a result, or
 * a compact one whose check the monitor no longer has.
 */
export function fromResultItem(item: ResultAttributes, checkOf: CheckLookup): StoredResult {
  const place = resultPlace(item);
  const compact = item[attribute.compact]?.S;
  if (place !== undefined && compact !== undefined) {
    return fromCompactResult(JSON.parse(compact) as CompactResult, place, checkOf(place.checkId));
  }
  const legacy = item[attribute.legacyResult]?.S;
  const roundAtMs = Number(item[attribute.legacyRoundAtMs]?.N);
  if (legacy === undefined || !Number.isFinite(roundAtMs)) {
    throw new Error(`item ${describeItemKey(item)} is not a result`);
  }
  return { result: JSON.parse(legacy) as ProbeResult, roundAtMs };
}

/** Where a result item's key puts it, or undefined when its key is not a result's. */
function resultPlace(item: ResultAttributes): ResultPlace | undefined {
  const pk = item[tableLayout.partitionKey]?.S;
  const sk = item[tableLayout.sortKey]?.S;
  const { checkPartitionPrefix, sortKeyPrefix } = tableLayout;
  if (!pk?.startsWith(checkPartitionPrefix) || !sk?.startsWith(sortKeyPrefix.result)) return undefined;
  const rest = sk.slice(sortKeyPrefix.result.length);
  const separator = rest.indexOf('#');
  if (separator === -1) return undefined;
  return {
    checkId: pk.slice(checkPartitionPrefix.length),
    startedAtIso: rest.slice(0, separator),
    region: rest.slice(separator + 1),
  };
}
