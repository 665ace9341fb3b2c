import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { HandlerName } from '../../functions/core/contract/handler-environment';
import { tableActions } from '../../functions/core/contract/table-actions';
import { heartbeat } from '../../functions/core/declare/check-builders';
import { secret } from '../../functions/core/declare/secret';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import { type PingDeps, PingRateLimiter, recordPing } from '../../functions/runtime/record-ping';
import { sweep } from '../../functions/runtime/sweep';
import { faults } from '../support/fault-proxy';
import { oneCheckMonitor, recordingNotifier, Scenario, type SimulatedOutcome } from '../support/scenario';
import { useDynamo } from '../support/use-dynamo';
import { actionsOf, identityStatements } from './iam-statements';
import { threeRegionMonitor } from './infra-monitors';
import { synthLookout } from './synth-lookout';

const db = useDynamo({ faults: true });

/** What each function's code sent to the table: `dynamodb:<Operation>`. */
type Called = Record<HandlerName, Set<string>>;

/**
 * A client of the test table (through the fault proxy) that records every operation under the function that is
 * running.
 */
function recordingClient(called: Called, running: () => HandlerName): DynamoDBClient {
  const client = db.proxiedClient();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      called[running()].add(`dynamodb:${String(context.commandName).replace(/Command$/, '')}`);
      return next(args);
    },
    { step: 'initialize', name: 'recordTableActions' },
  );
  return client;
}

/**
 * The real result writes, evaluator and sweep over the real DynamoDB adapter, minute by minute, through every
 * path that touches the table: an outage opened whose first notification SNS refuses (the sweep redelivers
 * it), reminders, a region gone silent, slow probes burning the latency SLO, a certificate near expiry, a
 * recovery; two evaluators and two sweepers at once, so that conditional writes lose races; and every seventh
 * conditional write performed but answered with an error, so that the retry finds its own write (the adapters
 * read the item back to tell it from someone else's).
 */
async function recordEveryPath(): Promise<Called> {
  const called: Called = { probe: new Set(), evaluate: new Set(), sweep: new Set(), ping: new Set() };
  let puts = 0;
  db.proxy.setPlan((request) =>
    request.operation === 'PutItem' && ++puts % 7 === 0 ? faults.serverError(true) : undefined,
  );
  let running: HandlerName = 'probe';
  const notifier = recordingNotifier();
  const run = new Scenario(
    oneCheckMonitor(
      {
        slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 }, window: '1h' },
      },
      { metrics: { sloBudget: true } },
    ),
    {
      endpoint: db.endpoint,
      client: recordingClient(called, () => running),
      tableName: db.tableName,
      notifier,
    },
  );
  const minute = async (outcome: (region: string) => SimulatedOutcome) => {
    const results = run.results('orders-api', outcome);
    running = 'probe';
    await run.store.putResults(results, run.monitor.retentionMs);
    running = 'evaluate';
    await Promise.all([
      evaluateNewResults(run.deps('evaluator-1'), results),
      evaluateNewResults(run.deps('evaluator-2'), results),
    ]);
    running = 'sweep';
    await Promise.all([sweep(run.deps('sweeper-1')), sweep(run.deps('sweeper-2'))]);
    run.nowMs += 60_000;
  };
  const nearExpiry: SimulatedOutcome = { ok: true, tls: { daysUntilExpiry: 3 } };
  for (let index = 0; index < 5; index += 1) await minute(() => nearExpiry);
  notifier.refuseNext(1);
  for (let index = 0; index < 70; index += 1) await minute(() => 'fail');
  for (let index = 0; index < 15; index += 1)
    await minute((region) => (region === 'eu-west-1' ? 'skip' : 'slow'));
  for (let index = 0; index < 10; index += 1) await minute(() => 'ok');
  expect(notifier.sent.length, 'the scenario notified').toBeGreaterThan(2);
  await recordPings(called);
  return called;
}

/** The ping function's path (`recordPing` over the same adapter): a start, its success, a failure, a wrong token. */
async function recordPings(called: Called): Promise<void> {
  const token = 'table-actions-token';
  const run = new Scenario(
    {
      homeRegion: 'us-east-1',
      regions: ['us-east-1'],
      checks: [heartbeat({ id: 'nightly-backup', period: '1d', grace: '1h', token: secret('/hb/backup') })],
    },
    { endpoint: db.endpoint, client: recordingClient(called, () => 'ping'), tableName: db.tableName },
  );
  const deps: PingDeps = {
    monitor: run.monitor,
    store: run.store,
    resolveSecret: async () => token,
    limiter: new PingRateLimiter(),
    now: () => run.nowMs,
  };
  for (const path of ['/start', '', '/fail', '']) {
    run.nowMs += 60_000;
    await recordPing(deps, { path: `/ping/nightly-backup/${token}${path}`, bodyBytes: 0, body: '' });
  }
  await recordPing(deps, { path: '/ping/nightly-backup/wrong/fail', bodyBytes: 0, body: '' });
}

describe('the DynamoDB actions of each function', () => {
  it('are exactly what its code sends to the table (core/contract/table-actions.ts)', async () => {
    const called = await recordEveryPath();
    console.log(
      JSON.stringify(Object.fromEntries(Object.entries(called).map(([k, v]) => [k, [...v].sort()]))),
    );
    for (const handler of ['probe', 'evaluate', 'sweep', 'ping'] as const) {
      expect([...called[handler]].sort(), handler).toEqual([...tableActions[handler]].sort());
    }
  }, 120_000);

  it('are what the home stack grants evaluate and sweep on the table, and nothing more', () => {
    const lookout = synthLookout({ monitor: threeRegionMonitor() });
    const home = lookout.template(lookout.deployment.home);
    for (const [handler, role] of [
      ['evaluate', 'EvaluateRole'],
      ['sweep', 'SweepRole'],
    ] as const) {
      const granted = identityStatements(home)
        .filter((entry) => entry.source.includes(role))
        .flatMap((entry) => actionsOf(entry.statement))
        .filter((action) => action.startsWith('dynamodb:'));
      const streamReads = handler === 'evaluate' ? streamActions : [];
      expect(granted.sort(), handler).toEqual([...tableActions[handler], ...streamReads].sort());
    }
  });
});

/** What the stream's event source mapping needs of the evaluate role (Lambda polls the stream with it). */
const streamActions = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];
