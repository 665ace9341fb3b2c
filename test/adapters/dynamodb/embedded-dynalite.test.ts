import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDynalite } from '../../../functions/adapters/dynamodb/embedded-dynalite';
import { ensureTable } from '../../../functions/adapters/dynamodb/ensure-table';
import { createTestClient } from '../../support/dynalite';
import { alertState, testStore } from './store-fixtures';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('embedded dynalite', () => {
  it('listens on loopback and keeps data on disk across restarts when given a path', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'lookout-dynalite-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const path = join(directory, 'nested', 'store');

    const first = await startDynalite({ path });
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const firstClient = createTestClient(first.endpoint);
    await ensureTable(firstClient, 'lookout');
    const state = alertState('orders', 'outage', 1);
    expect(await testStore(firstClient, 'lookout').saveAlertState(state)).toBe(true);
    firstClient.destroy();
    await first.close();

    const second = await startDynalite({ path });
    const secondClient = createTestClient(second.endpoint);
    cleanups.push(async () => {
      secondClient.destroy();
      await second.close();
    });
    await ensureTable(secondClient, 'lookout');
    expect(await testStore(secondClient, 'lookout').alertStates('orders')).toEqual([state]);
  });

  it('forgets everything on close when kept in memory', async () => {
    const first = await startDynalite();
    const firstClient = createTestClient(first.endpoint);
    await ensureTable(firstClient, 'lookout');
    await testStore(firstClient, 'lookout').saveAlertState(alertState('orders', 'outage', 1));
    firstClient.destroy();
    await first.close();

    const second = await startDynalite();
    const secondClient = createTestClient(second.endpoint);
    cleanups.push(async () => {
      secondClient.destroy();
      await second.close();
    });
    await ensureTable(secondClient, 'lookout');
    expect(await testStore(secondClient, 'lookout').alertStates('orders')).toEqual([]);
  });
});
