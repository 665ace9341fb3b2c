import { type AttributeValue, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../../functions/adapters/dynamodb/create-dynamodb-store';
import { itemSizeBytes } from '../../../functions/adapters/dynamodb/item-size';
import type { ProbeResult } from '../../../functions/core/probe-result';
import type { ResolvedCheck } from '../../../functions/core/resolve/resolved-monitor';
import { publicCertificateNames, realHttpsResult } from '../../support/real-https-result';
import { useDynamo } from '../../support/use-dynamo';

const dayMs = 86_400_000;
const db = useDynamo();

/** The result as the store promises to give it back: latencies (and latency actuals) to 0.1 ms. */
function asStored(result: ProbeResult): ProbeResult {
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  const phases = (timings: ProbeResult['phases']) => ({
    dnsMs: tenth(timings.dnsMs),
    connectMs: tenth(timings.connectMs),
    tlsMs: tenth(timings.tlsMs),
    ttfbMs: tenth(timings.ttfbMs),
    transferMs: tenth(timings.transferMs),
  });
  return {
    ...result,
    totalMs: tenth(result.totalMs),
    phases: phases(result.phases),
    ...(result.redirects === undefined
      ? {}
      : { redirects: result.redirects.map((hop) => ({ ...hop, phases: phases(hop.phases) })) }),
    assertions: result.assertions.map((outcome) =>
      outcome.assertion.source === 'latency' && typeof outcome.actual === 'number'
        ? { ...outcome, actual: tenth(outcome.actual) }
        : outcome,
    ),
  };
}

/** Writes one result with the real store and returns its item as stored, and the result read back. */
async function storeAndReadBack(result: ProbeResult, checks: readonly ResolvedCheck[]) {
  const store = createDynamoDbStore({ client: db.client, tableName: db.tableName, checks });
  const roundAtMs = Date.parse(result.startedAt) - 180;
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
  return { item: Item, read, roundAtMs };
}

/** The compact JSON of a result item (`c`). */
function compactOf(item: Record<string, AttributeValue>): Record<string, unknown> {
  return JSON.parse(item.c?.S ?? '{}') as Record<string, unknown>;
}

/** The write units DynamoDB (dynalite, which computes them as DynamoDB does) charges to put `item`. */
async function writeUnits(item: Record<string, AttributeValue>): Promise<number> {
  const reply = await db.client.send(
    new PutItemCommand({ TableName: db.tableName, Item: item, ReturnConsumedCapacity: 'TOTAL' }),
  );
  return reply.ConsumedCapacity?.CapacityUnits ?? Number.NaN;
}

describe('itemSizeBytes', () => {
  it('follows the documented rules: names and values in UTF-8, numbers by significant digits', () => {
    expect(itemSizeBytes({ pk: { S: 'abc' } })).toBe(2 + 3);
    expect(itemSizeBytes({ n: { N: '123' } })).toBe(1 + 1 + 2);
    expect(itemSizeBytes({ n: { N: '-0.0150' } })).toBe(1 + 1 + 1 + 1);
    expect(itemSizeBytes({ é: { S: 'ü' } })).toBe(2 + 2);
    expect(itemSizeBytes({ b: { BOOL: true }, z: { NULL: true } })).toBe(2 + 2);
    expect(itemSizeBytes({ l: { L: [{ S: 'a' }, { N: '7' }] } })).toBe(1 + 3 + (1 + 1) + (1 + 2));
    expect(itemSizeBytes({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + 1 + 1 + 1);
  });

  it('agrees with the write units DynamoDB charges at the 1 KB boundary', async () => {
    const item = (size: number): Record<string, AttributeValue> => {
      const base = { pk: { S: 'check#orders' }, sk: { S: 'result#x' }, n: { N: '1764512345' }, c: { S: '' } };
      return { ...base, c: { S: 'x'.repeat(size - itemSizeBytes(base)) } };
    };
    expect(itemSizeBytes(item(1024))).toBe(1024);
    expect(await writeUnits(item(1024))).toBe(1);
    expect(await writeUnits(item(1025))).toBe(2);
  });
});

describe('compact result items', () => {
  it('an HTTPS result with TLS facts and three assertions fits in one write unit, and reads back equal', async () => {
    const { check, result } = await realHttpsResult();
    expect(result.ok).toBe(true);
    expect(result.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.assertions.map((outcome) => outcome.passed)).toEqual([true, true, true]);

    const { item, read, roundAtMs } = await storeAndReadBack(result, [check]);

    const sizeBytes = itemSizeBytes(item);
    expect(sizeBytes).toBeLessThanOrEqual(1024);
    expect(await writeUnits(item)).toBe(1);
    expect(read).toEqual({ result: asStored(result), roundAtMs });
    // Whole, it would not fit: the compact form is what makes it one unit.
    expect(JSON.stringify(result).length).toBeGreaterThan(1024);
  });

  it('still fits with the longer names of a public certificate', async () => {
    const { check, result } = await realHttpsResult();
    const tls = result.tls;
    if (tls === undefined) throw new Error('no TLS facts');
    const publicTarget = { ...result, tls: { ...tls, ...publicCertificateNames } };
    const { item, read } = await storeAndReadBack(publicTarget, [check]);
    expect(itemSizeBytes(item)).toBeLessThanOrEqual(1024);
    expect(read?.result).toEqual(asStored(publicTarget));
  });

  it('a failed result keeps each failed assertion’s own message, and reads back equal', async () => {
    const { check, result } = await realHttpsResult({
      respond: {
        kind: 'respond',
        status: 503,
        body: 'upstream connect error or disconnect/reset before headers',
      },
    });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('ASSERTION_FAILED');
    const { item, read, roundAtMs } = await storeAndReadBack(result, [check]);
    expect(itemSizeBytes(item)).toBeLessThanOrEqual(1024);
    expect(read).toEqual({ result: asStored(result), roundAtMs });
    expect(read?.result.assertions[1]?.message).toMatch(/the body is not JSON/);
  });

  it('a result of a check the store does not know is stored whole enough to read back equal', async () => {
    const { result } = await realHttpsResult({ checkId: 'unknown-check' });
    const { read, roundAtMs } = await storeAndReadBack(result, []);
    expect(read).toEqual({ result: asStored(result), roundAtMs });
  });
});

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

    const { item, read } = await storeAndReadBack(stalled, [check]);
    const compact = compactOf(item);

    expect(compact.l).toBe(48.3);
    expect(compact.o).not.toHaveProperty('eventLoopDelayMs');
    expect(itemSizeBytes(item)).toBeLessThanOrEqual(1024);
    expect(read?.result.eventLoopDelayMs).toBe(48.3);
  });

  it('leaves it out when the result has none (a result from an engine before it)', async () => {
    const { check, result } = await realHttpsResult();
    const { eventLoopDelayMs: _dropped, ...older } = result;

    const { item, read } = await storeAndReadBack(older, [check]);
    const compact = compactOf(item);

    expect(compact).not.toHaveProperty('l');
    expect(read?.result).not.toHaveProperty('eventLoopDelayMs');
  });
});
