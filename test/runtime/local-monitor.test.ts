import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../functions/adapters/dynamodb/create-dynamodb-store';
import { validateMonitor } from '../../functions/core';
import { localizeMonitor } from '../../functions/core/resolve/monitor-variants';
import { LocalMonitor } from '../../functions/runtime/local-monitor';
import { type LoopbackHttpServer, startLoopbackHttpServer } from '../cli/loopback-http-server';
import { createTestClient } from '../support/dynalite';
import { recordingMetrics, recordingNotifier } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
let target: LoopbackHttpServer | undefined;

afterEach(async () => {
  await target?.close();
});

/**
 * A clock `secondInMinute` seconds into some minute now (real time shifted), so that the next round of a
 * 10-second check is due a few seconds after the monitor starts, within the same minute.
 */
function clockAtSecond(secondInMinute: number): () => number {
  const offsetMs = (Date.now() % 60_000) - secondInMinute * 1_000;
  return () => Date.now() - offsetMs;
}

describe('LocalMonitor.stop', () => {
  it('starts no probe once stopping: a round waiting for its time ends without probing', async () => {
    target = await startLoopbackHttpServer();
    const validation = validateMonitor({
      homeRegion: 'us-east-1',
      checks: [{ kind: 'http', id: 'loopback', url: `${target.origin}/ok`, interval: '10s', timeout: '2s' }],
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    const monitor = localizeMonitor(validation.monitor);
    const engine = new LocalMonitor({
      monitor,
      store: createDynamoDbStore({
        client: createTestClient(db.endpoint),
        tableName: db.tableName,
        checks: monitor.checks,
      }),
      notifier: recordingNotifier(),
      metrics: recordingMetrics(),
      owner: 'local-monitor-test',
      // The first round runs at :11; the next is due at :20 of the same minute, 9 s later (time enough for
      // the first round and the sweep, even on a busy machine).
      now: clockAtSecond(11),
      resolveSecret: async () => '',
      onChange: () => {},
    });
    await engine.start();
    const requestsAtStop = target.requests.length;
    expect(requestsAtStop, 'the round due at :20 already ran: the test proves nothing').toBe(1);
    await engine.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.requests.length).toBe(requestsAtStop);
  });
});
