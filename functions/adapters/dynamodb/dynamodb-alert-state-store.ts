import type { AlertState } from '../../core/alerting/alert-state';
import { tableLayout } from '../../core/contract/table-layout';
import type { AlertStateStore } from '../../core/ports/alert-state-store';
import { putIfCondition } from './conditional-put';
import { alertSortKey, checkPartitionKey, describeItemKey, itemKey } from './item-keys';
import { type Item, queryCheckPrefix } from './query-all';
import type { StoreContext } from './store-context';

const attribute = tableLayout.alertAttributes;

/**
 * Alert states in DynamoDB: `alert#<key>` items written by a PutItem conditioned on the stored version, read by
 * a Query of the check's `alert#` items: eventually consistent unless asked (half the read units: the
 * conditional write catches a stale read), strongly consistent after a lost race and to settle an ambiguous
 * write.
 */
export function createDynamoDbAlertStateStore(context: StoreContext): AlertStateStore {
  return {
    async alertStates(checkId, consistency = 'eventual') {
      const items = await queryCheckPrefix(context, checkId, tableLayout.sortKeyPrefix.alert, {
        ConsistentRead: consistency === 'strong',
      });
      return items.map(fromAlertItem);
    },
    saveAlertState: (state) => saveAlertState(context, state),
  };
}

async function saveAlertState(context: StoreContext, state: AlertState): Promise<boolean> {
  if (!Number.isSafeInteger(state.version) || state.version < 1) {
    throw new Error(`alert state ${state.checkId}/${state.key} has an invalid version: ${state.version}`);
  }
  const key = itemKey(checkPartitionKey(state.checkId), alertSortKey(state.key));
  const json = JSON.stringify(state);
  const first = state.version === 1;
  return putIfCondition(context, {
    item: { ...key, [attribute.version]: { N: String(state.version) }, [attribute.state]: { S: json } },
    key,
    condition: first
      ? {
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': tableLayout.partitionKey },
        }
      : {
          ConditionExpression: '#version = :previous',
          ExpressionAttributeNames: { '#version': attribute.version },
          ExpressionAttributeValues: { ':previous': { N: String(state.version - 1) } },
        },
    isOwnWrite: (stored) => stored[attribute.state]?.S === json,
  });
}

function fromAlertItem(item: Item): AlertState {
  const json = item[attribute.state]?.S;
  const version = Number(item[attribute.version]?.N);
  if (json === undefined || !Number.isSafeInteger(version)) {
    throw new Error(`item ${describeItemKey(item)} is not an alert state`);
  }
  return { ...(JSON.parse(json) as AlertState), version };
}
