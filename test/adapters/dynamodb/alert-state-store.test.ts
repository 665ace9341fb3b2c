import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { faultSequence, faults } from '../../support/fault-proxy';
import { useDynamo } from '../../support/use-dynamo';
import { alertState, testStore } from './store-fixtures';

const db = useDynamo({ faults: true });

describe('DynamoDB alert state store', () => {
  it('saves version 1 only when there is none, and each next version only over its previous one', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const first = alertState('orders', 'outage', 1);
    expect(await store.saveAlertState(first)).toBe(true);
    expect(await store.saveAlertState(alertState('orders', 'outage', 1, { failedRounds: 9 }))).toBe(false);
    expect(await store.alertStates('orders')).toEqual([first]);

    const second = alertState('orders', 'outage', 2, {
      status: 'firing',
      severity: 'critical',
      failedRounds: 2,
    });
    expect(await store.saveAlertState(second)).toBe(true);
    expect(await store.saveAlertState(alertState('orders', 'outage', 2))).toBe(false);
    expect(await store.saveAlertState(alertState('orders', 'outage', 4))).toBe(false);
    expect(await store.alertStates('orders')).toEqual([second]);
    // A version above 1 needs a stored previous version.
    expect(await store.saveAlertState(alertState('orders', 'degraded', 2))).toBe(false);
    expect(await store.alertStates('orders')).toEqual([second]);
  });

  it('keeps the states of each key and check apart, with the layout’s attributes', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    const states = [
      alertState('orders', 'outage', 1),
      alertState('orders', 'probe-missing#eu-west-1', 1, { kind: 'probe-missing' }),
      alertState('billing', 'outage', 1),
    ];
    for (const state of states) expect(await store.saveAlertState(state)).toBe(true);

    const orders = await store.alertStates('orders');
    expect(orders.sort((a, b) => a.key.localeCompare(b.key))).toEqual([states[0], states[1]]);
    expect(await store.alertStates('billing')).toEqual([states[2]]);
    expect(await store.alertStates('nobody')).toEqual([]);
    const { Item } = await db.client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'check#orders' }, sk: { S: 'alert#probe-missing#eu-west-1' } },
      }),
    );
    expect(Item).toEqual({
      pk: { S: 'check#orders' },
      sk: { S: 'alert#probe-missing#eu-west-1' },
      version: { N: '1' },
      state: { S: JSON.stringify(states[1]) },
    });
  });

  it('lets exactly one of 20 concurrent writers from the same version win', async () => {
    const { tableName } = db;
    const store = testStore(db.client, tableName);
    expect(await store.saveAlertState(alertState('orders', 'outage', 1))).toBe(true);
    expect(await store.saveAlertState(alertState('orders', 'outage', 2))).toBe(true);

    const writers = Array.from({ length: 20 }, (_, writer) =>
      alertState('orders', 'outage', 3, {
        failedRounds: writer,
        lease: { owner: `writer-${writer}`, untilMs: 1 },
      }),
    );
    const saved = await Promise.all(
      writers.map((state) => testStore(db.client, tableName).saveAlertState(state)),
    );

    expect(saved.filter(Boolean)).toHaveLength(1);
    const winner = writers[saved.indexOf(true)];
    expect(await store.alertStates('orders')).toEqual([winner]);
  });

  it('counts its own write as saved when an earlier attempt wrote but lost the answer', async () => {
    const { tableName } = db;
    const client = db.proxiedClient();
    const store = testStore(client, tableName);
    db.proxy.setPlan(faultSequence('PutItem', [faults.serverError(true), faults.reset(true)]));

    const first = alertState('orders', 'outage', 1);
    expect(await store.saveAlertState(first)).toBe(true);
    const second = alertState('orders', 'outage', 2, { status: 'firing' });
    expect(await store.saveAlertState(second)).toBe(true);
    expect(await store.alertStates('orders')).toEqual([second]);
    // ...but another writer's state is still a lost race.
    db.proxy.setPlan(faultSequence('PutItem', [faults.serverError(true)]));
    expect(await testStore(db.client, tableName).saveAlertState(alertState('orders', 'outage', 3))).toBe(
      true,
    );
    expect(await store.saveAlertState(alertState('orders', 'outage', 3, { failedRounds: 5 }))).toBe(false);
  });

  it('rethrows other errors once retries run out, and refuses an invalid version', async () => {
    const { tableName } = db;
    const client = db.proxiedClient();
    const store = testStore(client, tableName, { retry: { attempts: 3 } });
    db.proxy.setPlan((request) => (request.operation === 'PutItem' ? faults.throttle() : undefined));

    await expect(store.saveAlertState(alertState('orders', 'outage', 1))).rejects.toThrow(
      expect.objectContaining({ name: 'ThrottlingException' }),
    );
    await expect(store.saveAlertState(alertState('orders', 'outage', 0))).rejects.toThrow(
      /invalid version: 0/,
    );
  });
});
