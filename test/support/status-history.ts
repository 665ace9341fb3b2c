import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import { dayMs, hourMs, minuteMs } from '../../functions/core/declare/duration';
import { checkPhaseMs } from '../../functions/core/schedule/check-phase';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import { recordingNotifier, Scenario, type SimulatedOutcome, scenarioStartMs } from './scenario';

/** Text that would run if a page put it in as markup. */
export const hostileName = 'Website <img src=x onerror="window.__injected=1">';

/** When the simulated history starts: midnight UTC, 2026-11-02. */
export const historyStartMs = scenarioStartMs;

/** The checks' interval: 30 minutes, so that days of history take seconds to simulate. */
export const historyIntervalMs = 30 * minuteMs;

/** The certificate the HTTPS checks serve. */
export const historyCertificateValidTo = '2027-01-15T00:00:00.000Z';

/**
 * Three checks in two regions, probed every 30 minutes (each at its own minute of the half hour):
 * - `orders-api` (HTTPS): down in both regions for its rounds on the second day from 09:00 to 10:30 (an outage
 *   that opens and resolves); 100 ms, every tenth round 400 ms;
 * - `website` (HTTPS, its name hostile markup): fine, then down in both regions for its last 3 rounds (an open
 *   outage);
 * - `cache` (TCP): eu-west-1 fails every 8th round (one region of two: no outage, a day below 100 %).
 */
export function historyMonitor(extra: Partial<MonitorDeclaration> = {}): MonitorDeclaration {
  return {
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    defaults: { interval: '30m', timeout: '10s' },
    ...extra,
    checks: [
      { kind: 'http', id: 'orders-api', name: 'Orders API', url: 'https://api.example.com/health' },
      { kind: 'http', id: 'website', name: hostileName, url: 'https://www.example.com/' },
      { kind: 'tcp', id: 'cache', name: 'Cache', host: 'cache.internal', port: 6379 },
    ],
  };
}

/** Probes and ok probes, per check and UTC day of their round, as the simulation made them. */
export type ExpectedTallies = Map<string, Map<number, { total: number; good: number }>>;

/** A simulated history in the store, written by the real evaluator and sweep. */
export interface SimulatedHistory {
  run: Scenario;
  /** Probes counted per check and day. */
  expected: ExpectedTallies;
  /** Every probe, per check: its round's start, whether it was ok, its latency. */
  probes: Map<string, { roundAtMs: number; ok: boolean; totalMs: number }[]>;
  /** Each check's round starts, oldest first. */
  rounds: Map<string, number[]>;
}

function outcomeOf(
  checkId: string,
  roundAtMs: number,
  region: string,
  lastRoundMs: number,
): SimulatedOutcome {
  const round = Math.floor((roundAtMs - historyStartMs) / historyIntervalMs);
  const tls = { validTo: historyCertificateValidTo };
  if (checkId === 'orders-api') {
    const hour = (roundAtMs - historyStartMs - dayMs) / hourMs;
    if (hour >= 9 && hour < 10.5) return 'fail';
    return { ok: true, totalMs: round % 10 === 0 ? 400 : 100, tls };
  }
  if (checkId === 'website') {
    if (roundAtMs > lastRoundMs - 3 * historyIntervalMs) return 'fail';
    return { ok: true, totalMs: 80, tls };
  }
  return region === 'eu-west-1' && round % 8 === 0 ? 'fail' : { ok: true, totalMs: 5 };
}

/** How long after its round the sweep counts it: the sweep runs every minute, and a round closes within one. */
export const historyCountedAfterMs = minuteMs;

/**
 * Simulates `durationMs` of history from {@link historyStartMs}: each check's rounds at their own times (its phase
 * in the interval), each written and evaluated as the stream would, and the sweep a minute after each round, when
 * it has closed, so that a round is counted by the counter of the minute after it, and the day summaries are
 * written with the first counter of each day. Ends with the clock at the last sweep.
 */
export async function simulateHistory(
  db: { endpoint: string; tableName: string },
  durationMs: number,
  declaration: MonitorDeclaration = historyMonitor(),
): Promise<SimulatedHistory> {
  const run = new Scenario(declaration, {
    endpoint: db.endpoint,
    tableName: db.tableName,
    notifier: recordingNotifier(),
  });
  const endMs = historyStartMs + durationMs;
  const rounds = new Map(
    run.monitor.checks.map((check) => {
      const times: number[] = [];
      for (let atMs = historyStartMs + checkPhaseMs(check); atMs < endMs; atMs += check.intervalMs)
        times.push(atMs);
      return [check.id, times] as const;
    }),
  );
  const events = [...rounds].flatMap(([checkId, times]) =>
    times.flatMap((atMs) => [
      { atMs, checkId },
      { atMs: atMs + historyCountedAfterMs, checkId: undefined },
    ]),
  );
  // At the same instant, the sweep first (it counts rounds that closed before), then the rounds that start.
  events.sort((a, b) => a.atMs - b.atMs || (a.checkId === undefined ? -1 : b.checkId === undefined ? 1 : 0));
  const expected: ExpectedTallies = new Map();
  const probes: SimulatedHistory['probes'] = new Map();
  let sweptAtMs: number | undefined;
  for (const event of events) {
    run.nowMs = event.atMs;
    if (event.checkId === undefined) {
      if (sweptAtMs !== event.atMs) await run.sweep();
      sweptAtMs = event.atMs;
      continue;
    }
    const check = run.check(event.checkId);
    const lastRoundMs = rounds.get(check.id)?.at(-1) ?? endMs;
    const results = run.results(check.id, (region) => outcomeOf(check.id, event.atMs, region, lastRoundMs));
    await run.store.putResults(results, run.monitor.retentionMs);
    await evaluateNewResults(run.deps(), results);
    for (const { result } of results) {
      probes.set(check.id, [
        ...(probes.get(check.id) ?? []),
        { roundAtMs: event.atMs, ok: result.ok, totalMs: result.totalMs },
      ]);
      const day = Math.floor(event.atMs / dayMs) * dayMs;
      const days = expected.get(check.id) ?? new Map();
      const tally = days.get(day) ?? { total: 0, good: 0 };
      days.set(day, { total: tally.total + 1, good: tally.good + (result.ok ? 1 : 0) });
      expected.set(check.id, days);
    }
  }
  return { run, expected, probes, rounds };
}
