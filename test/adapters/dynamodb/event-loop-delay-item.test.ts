import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../../functions/adapters/dynamodb/create-dynamodb-store';
import { itemSizeBytes } from '../../../functions/adapters/dynamodb/item-size';
import type { ProbeResult } from '../../../functions/core/probe-result';
import type { ResolvedCheck } from '../../../functions/core/resolve/resolved-monitor';
import { publicCertificateNames, realHttpsResult } from '../../support/real-https-result';
import { useDynamo } from '../../support/use-dynamo';

const dayMs = 86_400_000;
const db = useDynamo();

/** Writes one result with the real store; returns the item's compact JSON, its size, and the result read back. */
async function storeAndReadBack(result: ProbeResult, checks: readonly ResolvedCheck[]) {
  const store = createDynamoDbStore({ client: db.client, tableName: db.tableName, checks });
  const roundAtMs = Date.parse(result.startedAt);
  await store.putResults([{ result, roundAtMs }], 30 * dayMs);
  const { Item } = await db.client.send(
    new GetItemCommand({
      TableName: db.tableName,
      Key: {
        pk: { S: `check#${result.checkId}` },
        sk: { S: `result#${result.startedAt}#${result.region}` },
      },
    }),
  );
  if (Item === undefined) throw new Error('the result item was not written');
  const [read] = await store.resultsSince(result.checkId, roundAtMs);
  return {
    compact: JSON.parse(Item.c?.S ?? '{}') as Record<string, unknown>,
    sizeBytes: itemSizeBytes(Item),
    read,
  };
}

describe('a result item carries the event-loop delay', () => {
  it('in its compact form (`l`), reading back the same delay, within one write unit', async () => {
    const { check, result } = await realHttpsResult();
    expect(result.eventLoopDelayMs).toEqual(expect.any(Number));
    const tls = result.tls;
    if (tls === undefined) throw new Error('no TLS facts');
    // The longest names a public certificate has, and a stall of the kind the field is there to show.
    const stalled: ProbeResult = {
      ...result,
      tls: { ...tls, ...publicCertificateNames },
      eventLoopDelayMs: 48.3,
    };

    const { compact, sizeBytes, read } = await storeAndReadBack(stalled, [check]);

    expect(compact.l).toBe(48.3);
    expect(compact.o).not.toHaveProperty('eventLoopDelayMs');
    expect(sizeBytes).toBeLessThanOrEqual(1024);
    expect(read?.result.eventLoopDelayMs).toBe(48.3);
  });

  it('leaves it out when the result has none (a result from an engine before it)', async () => {
    const { check, result } = await realHttpsResult();
    const { eventLoopDelayMs: _dropped, ...older } = result;

    const { compact, read } = await storeAndReadBack(older, [check]);

    expect(compact).not.toHaveProperty('l');
    expect(read?.result).not.toHaveProperty('eventLoopDelayMs');
  });
});
