import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { tableLayout } from '../../core/contract/table-layout';
import type { RollupBucket, RollupSample, RollupStore } from '../../core/ports/rollup-store';
import {
  checkPartitionKey,
  expiresAtSeconds,
  itemKey,
  keyAttributeNames,
  rollupPrefix,
  rollupSortKey,
  sortKeyOf,
} from './item-keys';
import { mapSettled } from './map-settled';
import { type Item, queryAll } from './query-all';
import { groupRollupSamples, type RollupGroup } from './rollup-groups';
import { isConditionalCheckFailed, type StoreContext } from './store-context';

const attribute = tableLayout.rollupAttributes;

/**
 * SLO rollups in DynamoDB. Each (bucket, region) group is added with one UpdateItem conditioned on the
 * region's watermark being older than the group's oldest sample; when that fails (part of the group was
 * counted already, by a redelivery or a concurrent evaluator), the samples are added one at a time, each on
 * its own condition, skipping those at or before the watermark.
 */
export function createDynamoDbRollupStore(context: StoreContext): RollupStore {
  return {
    async addToRollups(checkId, samples, ttl) {
      const groups = groupRollupSamples(samples);
      const outcomes = await mapSettled(groups, context.concurrency, (group) => {
        const ttlMs = group.granularity === 'minute' ? ttl.minuteTtlMs : ttl.hourTtlMs;
        return addGroup(context, checkId, group, ttlMs);
      });
      const failures = outcomes.filter(
        (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
      );
      const first = failures[0];
      if (first !== undefined) {
        throw new Error(
          `${failures.length} of ${groups.length} rollup buckets of ${checkId} were not updated`,
          {
            cause: first.reason,
          },
        );
      }
    },
    async readRollups(checkId, granularity, fromMs, toMs) {
      const lowMs = Math.max(0, Math.ceil(fromMs));
      const highMs = Math.ceil(toMs) - 1;
      if (highMs < lowMs) return [];
      const items = await queryAll(context, {
        ConsistentRead: true,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: keyAttributeNames,
        ExpressionAttributeValues: {
          ':pk': { S: checkPartitionKey(checkId) },
          ':from': { S: rollupSortKey(granularity, lowMs) },
          ':to': { S: rollupSortKey(granularity, highMs) },
        },
      });
      const prefixLength = rollupPrefix(granularity).length;
      return items.map(
        (item): RollupBucket => ({
          granularity,
          startMs: Number(sortKeyOf(item)?.slice(prefixLength)),
          total: count(item, attribute.total),
          availabilityGood: count(item, attribute.availabilityGood),
          latencyGood: count(item, attribute.latencyGood),
        }),
      );
    },
  };
}

async function addGroup(
  context: StoreContext,
  checkId: string,
  group: RollupGroup,
  ttlMs: number,
): Promise<void> {
  try {
    await addSamples(context, checkId, group, group.samples, ttlMs);
    return;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  if (group.samples.length === 1) return;
  for (const sample of group.samples) {
    try {
      await addSamples(context, checkId, group, [sample], ttlMs);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

/** Adds samples (oldest first) to a bucket when the region's watermark is older than the first of them. */
function addSamples(
  context: StoreContext,
  checkId: string,
  group: RollupGroup,
  samples: readonly RollupSample[],
  ttlMs: number,
): Promise<unknown> {
  const oldest = samples[0]?.startedAtMs ?? 0;
  const newest = samples[samples.length - 1]?.startedAtMs ?? 0;
  return context.retrying(() =>
    context.client.send(
      new UpdateItemCommand({
        TableName: context.tableName,
        Key: itemKey(checkPartitionKey(checkId), rollupSortKey(group.granularity, group.bucketStartMs)),
        UpdateExpression:
          'ADD #total :total, #availabilityGood :availabilityGood, #latencyGood :latencyGood SET #wm = :newest, #expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#wm) OR #wm < :oldest',
        ExpressionAttributeNames: {
          '#total': attribute.total,
          '#availabilityGood': attribute.availabilityGood,
          '#latencyGood': attribute.latencyGood,
          '#wm': `${attribute.watermarkPrefix}${group.region}`,
          '#expiresAt': tableLayout.ttlAttribute,
        },
        ExpressionAttributeValues: {
          ':total': { N: String(samples.length) },
          ':availabilityGood': { N: String(samples.filter((sample) => sample.availabilityGood).length) },
          ':latencyGood': { N: String(samples.filter((sample) => sample.latencyGood).length) },
          ':newest': { N: String(newest) },
          ':oldest': { N: String(oldest) },
          ':expiresAt': { N: expiresAtSeconds(group.bucketStartMs + ttlMs) },
        },
      }),
    ),
  );
}

function count(item: Item, name: string): number {
  const value = Number(item[name]?.N ?? 0);
  return Number.isFinite(value) ? value : 0;
}
