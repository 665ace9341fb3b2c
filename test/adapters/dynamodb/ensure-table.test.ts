import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../../functions/adapters/dynamodb/ensure-table';
import { uniqueTableName } from '../../support/dynalite';
import { useDynamo } from '../../support/use-dynamo';

const db = useDynamo({ faults: true });

describe('ensureTable', () => {
  it('creates the table with the layout’s keys, on demand, streaming new images', async () => {
    const tableName = uniqueTableName();
    await ensureTable(db.client, tableName);

    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.AttributeDefinitions).toEqual([
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('asks for a stream of new images (which dynalite accepts but does not report back)', async () => {
    await ensureTable(db.proxiedClient(), uniqueTableName());
    const create = db.proxy.seen.find((seen) => seen.operation === 'CreateTable');
    expect(create?.json).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('leaves an existing table alone, also when several callers race to create it', async () => {
    const tableName = uniqueTableName();
    await Promise.all([
      ensureTable(db.client, tableName),
      ensureTable(db.client, tableName),
      ensureTable(db.client, tableName),
    ]);
    const before = await db.client.send(new DescribeTableCommand({ TableName: tableName }));
    await ensureTable(db.client, tableName);
    const after = await db.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(after.Table?.CreationDateTime).toEqual(before.Table?.CreationDateTime);
    expect(after.Table?.TableArn).toEqual(before.Table?.TableArn);
  });
});
