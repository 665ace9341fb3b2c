/**
 * What one check costs in DynamoDB reads and writes: a simulated month-minute of Lookout (probe results
 * written, evaluated as the stream would, swept every minute) over the real adapter and dynalite, which
 * reports consumed capacity as DynamoDB computes it. Results are the size of an HTTPS probe's, TLS facts included. `npm run bench:storage` prints a table per scenario.
 */
import type { MonitorDeclaration } from '../functions/core/declare/declarations';
import { createTestClient, startTestDynamoDb } from '../test/support/dynalite';
import { oneCheckMonitor, Scenario, threeRegions } from '../test/support/scenario';
import { markdownTable } from './markdown-table';

const minutesPerMonth = 30 * 24 * 60;
/** On-demand prices in us-east-1, USD per million request units. */
const pricePerMillion = { read: 0.125, write: 0.625 };

interface Workload {
  name: string;
  declaration: MonitorDeclaration;
  /** Simulated minutes; the first hour warms alert states and rollups up. */
  minutes: number;
}

const workloads: Workload[] = [
  {
    name: '3 regions, every minute, availability + latency SLO, degraded latency',
    declaration: oneCheckMonitor({
      degradedLatency: '1s',
      slo: { availability: 99.9, latency: { threshold: '800ms', target: 99 } },
    }),
    minutes: 180,
  },
  {
    name: '3 regions, every minute, no SLO',
    declaration: oneCheckMonitor(),
    minutes: 180,
  },
  {
    name: '1 region, every 5 minutes, no SLO',
    declaration: { ...oneCheckMonitor({ interval: '5m' }), regions: [threeRegions[0] as string] },
    minutes: 180,
  },
];

interface Capacity {
  read: number;
  write: number;
  requests: number;
}

async function measure(workload: Workload, endpoint: string, tableName: string): Promise<Capacity> {
  const client = createTestClient(endpoint);
  const totals: Capacity = { read: 0, write: 0, requests: 0 };
  let counting = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (!counting) return result;
      const output = result.output as {
        ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
      };
      const consumed = [output.ConsumedCapacity ?? []]
        .flat()
        .reduce((sum, item) => sum + (item.CapacityUnits ?? 0), 0);
      const isRead = /^(GetItem|Query|BatchGetItem)Command$/.test(context.commandName ?? '');
      totals[isRead ? 'read' : 'write'] += consumed;
      totals.requests += 1;
      return result;
    },
    { step: 'initialize', name: 'countConsumedCapacity' },
  );
  const run = new Scenario(workload.declaration, { endpoint, tableName, client });
  const check = run.monitor.checks[0];
  if (check === undefined) throw new Error('no check');
  const warmUpMinutes = 60;
  for (let minute = 0; minute < workload.minutes + warmUpMinutes; minute += 1) {
    if (minute === warmUpMinutes) counting = true;
    const due = (minute * 60_000) % check.intervalMs === 0;
    if (due)
      await run.round(
        check.id,
        (region) => (minute % 97 === 0 && region === threeRegions[1] ? 'fail' : 'ok'),
        { advanceMs: 0 },
      );
    await run.sweep();
    run.nowMs += 60_000;
  }
  client.destroy();
  return {
    read: totals.read / workload.minutes,
    write: totals.write / workload.minutes,
    requests: totals.requests / workload.minutes,
  };
}

async function main(): Promise<void> {
  const db = await startTestDynamoDb();
  const rows: string[][] = [];
  for (const workload of workloads) {
    const perMinute = await measure(workload, db.endpoint, await db.createTable());
    const readsPerMonth = perMinute.read * minutesPerMonth;
    const writesPerMonth = perMinute.write * minutesPerMonth;
    const usd = (readsPerMonth * pricePerMillion.read + writesPerMonth * pricePerMillion.write) / 1e6;
    rows.push([
      workload.name,
      perMinute.read.toFixed(2),
      perMinute.write.toFixed(2),
      `${(readsPerMonth / 1e6).toFixed(2)} M`,
      `${(writesPerMonth / 1e6).toFixed(2)} M`,
      `$${usd.toFixed(2)}`,
    ]);
  }
  await db.close();
  console.log(
    markdownTable(
      ['check', 'RRU / minute', 'WRU / minute', 'RRU / month', 'WRU / month', 'on-demand USD / month'],
      rows,
    ),
  );
}

await main();
