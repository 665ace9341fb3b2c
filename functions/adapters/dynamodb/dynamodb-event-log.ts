import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { LookoutEvent } from '../../core/alerting/lookout-event';
import { tableLayout } from '../../core/contract/table-layout';
import type { EventLog } from '../../core/ports/event-log';
import {
  canonicalIso,
  checkPartitionKey,
  describeItemKey,
  eventSortKey,
  expiresAtSeconds,
  itemKey,
} from './item-keys';
import { queryCheckPrefix } from './query-all';
import { isConditionalCheckFailed, type StoreContext } from './store-context';

const attribute = tableLayout.eventAttributes;

/** The incident history in DynamoDB: `event#<at ISO>#<eventId>` items, written once each. */
export function createDynamoDbEventLog(context: StoreContext): EventLog {
  return {
    async recordEvent(event, retentionMs) {
      const atIso = canonicalIso(event.at, `event ${event.id} at`);
      try {
        await context.retrying(() =>
          context.client.send(
            new PutItemCommand({
              TableName: context.tableName,
              Item: {
                ...itemKey(checkPartitionKey(event.checkId), eventSortKey(atIso, event.id)),
                [attribute.event]: { S: JSON.stringify(event) },
                [tableLayout.ttlAttribute]: { N: expiresAtSeconds(Date.parse(atIso) + retentionMs) },
              },
              ConditionExpression: 'attribute_not_exists(#sk)',
              ExpressionAttributeNames: { '#sk': tableLayout.sortKey },
            }),
          ),
        );
      } catch (error) {
        // Recorded already: recording it again changes nothing.
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },
    async recentEvents(checkId, limit) {
      if (!(limit >= 1)) return [];
      const items = await queryCheckPrefix(
        context,
        checkId,
        tableLayout.sortKeyPrefix.event,
        { ScanIndexForward: false },
        Math.floor(limit),
      );
      return items.map((item) => {
        const json = item[attribute.event]?.S;
        if (json === undefined) throw new Error(`item ${describeItemKey(item)} is not an event`);
        return JSON.parse(json) as LookoutEvent;
      });
    },
  };
}
