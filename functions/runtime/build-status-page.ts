import type { AlertState } from '../core/alerting/alert-state';
import { checkTarget } from '../core/check-target';
import { dayMs, minuteMs } from '../core/declare/duration';
import { mapBounded } from '../core/map-bounded';
import type { ProbeCounter } from '../core/ports/counter-store';
import type { DaySummary } from '../core/ports/day-summary-store';
import type { LookoutStore } from '../core/ports/lookout-store';
import type { ResolvedCheck, ResolvedMonitor } from '../core/resolve/resolved-monitor';
import { counterRetentionMs } from '../core/slo/counter-retention';
import { advanceDaySummary, dayStartMs, summaryBoundaries } from '../core/slo/day-summary';
import { histogramDifference, latencyPercentile } from '../core/slo/latency-histogram';
import { windowTotals } from '../core/slo/window-totals';
import { checkPageState } from '../core/status-page/check-page-state';
import { dayBars } from '../core/status-page/day-bars';
import { incidentsFromEvents } from '../core/status-page/incidents-from-events';
import { maintenanceOccurrences } from '../core/status-page/maintenance-occurrences';
import type {
  RoundTally,
  StatusPageCheck,
  StatusPageData,
  StatusPageVisibility,
  UptimeWindow,
} from '../core/status-page/status-page-data';

/** The store operations the status page reads. */
export type StatusPageStore = Pick<
  LookoutStore,
  'alertStates' | 'counterAtOrBefore' | 'daySummary' | 'recentEvents' | 'latestResults'
>;

/** What a status page is built for. */
export interface StatusPageRequest {
  /** The page's title. */
  title: string;
  /** The ids of the checks it lists, in its order; ids the monitor does not have are left out. */
  checkIds: readonly string[];
  /**
   * What it reveals beyond names and states.
   * @default { targets: false, errors: false }
   */
  show?: StatusPageVisibility;
  /**
   * Its public URL, ending in `/`, for the feed's links.
   * @default undefined (relative links)
   */
  pageUrl?: string;
  /**
   * How often an open page reloads itself.
   * @default 60_000
   */
  reloadEveryMs?: number;
  /**
   * Alert states the caller read this minute (the sweep's, for the checks of its shard), by check id: not read
   * again.
   * @default none
   */
  alertStates?: ReadonlyMap<string, readonly AlertState[]>;
}

/** Listed checks read at once: each is a handful of point reads, mostly waiting. */
export const statusPageReadConcurrency = 16;

/** The newest events read per check: enough for the incidents of the retention, unless reminders crowd them. */
export const statusPageEventLimit = 100;

/** Uptime windows counted in whole UTC days (today so far and the days before): their number of days. */
const dailyWindows: Partial<Record<UptimeWindow, number>> = { '7d': 7, '30d': 30, '90d': 90 };

/**
 * Gathers a status page's data from the store, for the listed checks: each check's state from its alert states;
 * its 90 daily bars from its day summary (the closed days the sweep summarizes once a day) and today's counters;
 * uptime over 24 h from the counters now and a day ago (exactly), over 7, 30 and 90 days from whole UTC days (today
 * so far and the 6, 29 or 89 days before); latency p50 and p95 over the last 24 h from the same two counters'
 * running histograms (within 9 %); the certificate from the newest results (of checks that talk TLS), which also
 * tell a check that has probed from one still `pending`; incidents from the event log; maintenance windows from
 * the monitor.
 *
 * Reads per listed check (eventually consistent): its alert states (unless given), the newest counter and the one
 * a day ago, its day summary, its newest events, its newest results: 6 queries, about 3 read units (more for a
 * check with many events). A day summary that the sweep has not brought up to today yet
 * is caught up in memory, one counter read per missing day.
 */
export async function buildStatusPageData(
  store: StatusPageStore,
  monitor: ResolvedMonitor,
  nowMs: number,
  request: StatusPageRequest,
): Promise<StatusPageData> {
  const checksById = new Map(monitor.checks.map((check) => [check.id, check]));
  const listed = [...new Set(request.checkIds)].flatMap((id) => {
    const check = checksById.get(id);
    return check === undefined ? [] : [check];
  });
  const facts = await mapBounded(listed, statusPageReadConcurrency, (check) =>
    readCheckFacts(store, monitor, check, nowMs, request.alertStates?.get(check.id)),
  );
  const incidents = incidentsFromEvents(facts.flatMap((fact) => fact.events));
  const checks = facts.map((fact): StatusPageCheck => {
    const { check } = fact;
    const page = checkPageState({
      checkId: check.id,
      alertStates: fact.alertStates,
      maintenance: monitor.maintenance,
      nowMs,
      hasData: fact.newest !== undefined || fact.latest.length > 0,
    });
    const days = dayBars(check.id, nowMs, fact.roundsByDay, incidents);
    return {
      id: check.id,
      name: check.name,
      kind: check.kind,
      target: checkTarget(check),
      ...page,
      days,
      uptime: uptimeOf(
        fact,
        days.map((day) => day.rounds),
      ),
      ...latencyOf(fact),
      ...certificateOf(fact),
    };
  });
  return {
    title: request.title,
    nowMs,
    ...(request.pageUrl === undefined ? {} : { pageUrl: request.pageUrl }),
    ...(request.show === undefined ? {} : { show: request.show }),
    ...(request.reloadEveryMs === undefined ? {} : { reloadEveryMs: request.reloadEveryMs }),
    checks,
    incidents,
    maintenance: maintenanceOccurrences(monitor.maintenance, nowMs),
  };
}

/** What one check's reads gave. */
interface CheckFacts {
  check: ResolvedCheck;
  alertStates: readonly AlertState[];
  newest: ProbeCounter | undefined;
  dayAgo: ProbeCounter | undefined;
  /** Probes and ok probes per UTC day, today's so far included. */
  roundsByDay: Map<number, RoundTally>;
  events: Awaited<ReturnType<StatusPageStore['recentEvents']>>;
  latest: Awaited<ReturnType<StatusPageStore['latestResults']>>;
}

async function readCheckFacts(
  store: StatusPageStore,
  monitor: ResolvedMonitor,
  check: ResolvedCheck,
  nowMs: number,
  knownAlertStates: readonly AlertState[] | undefined,
): Promise<CheckFacts> {
  const [alertStates, newest, dayAgo, stored, events, latest] = await Promise.all([
    knownAlertStates ?? store.alertStates(check.id),
    store.counterAtOrBefore(check.id, Number.POSITIVE_INFINITY),
    store.counterAtOrBefore(check.id, nowMs - dayMs),
    store.daySummary(check.id),
    store.recentEvents(check.id, statusPageEventLimit),
    store.latestResults(check.id, nowMs - 2 * check.intervalMs - check.timeoutMs - minuteMs),
  ]);
  const todayMs = dayStartMs(nowMs);
  const summary = await caughtUp(store, monitor, check, stored, todayMs, nowMs);
  const roundsByDay = new Map<number, RoundTally>();
  summary?.days.forEach((day, index) => {
    if (day === undefined) return;
    const dayMsAt = todayMs - (summary.days.length - index) * dayMs;
    roundsByDay.set(dayMsAt, { total: day.total, good: day.availabilityGood });
  });
  if (newest !== undefined) {
    const base = summary === undefined ? undefined : { ...summary.base, latencyGood: 0 };
    const today = windowTotals(newest, base);
    if (today.total > 0) roundsByDay.set(todayMs, { total: today.total, good: today.availabilityGood });
  }
  return { check, alertStates, newest, dayAgo, roundsByDay, events, latest };
}

/**
 * The day summary through today: as stored when the sweep summarized yesterday already, else caught up from the
 * counters at each missing midnight (newest first, stopping at the first midnight without a counter: none is
 * older), in memory only: the sweep writes it.
 */
async function caughtUp(
  store: StatusPageStore,
  monitor: ResolvedMonitor,
  check: ResolvedCheck,
  stored: DaySummary | undefined,
  todayMs: number,
  nowMs: number,
): Promise<DaySummary | undefined> {
  if (stored !== undefined && stored.throughDayMs >= todayMs) return stored;
  const keptSinceMs = nowMs - counterRetentionMs(check, monitor) + dayMs;
  const boundaries = summaryBoundaries(stored, todayMs, keptSinceMs);
  const totalsAt = new Map<number, ProbeCounter | undefined>();
  for (const atMs of [...boundaries].reverse()) {
    const counter = await store.counterAtOrBefore(check.id, atMs);
    totalsAt.set(atMs, counter);
    if (counter === undefined) break;
  }
  return advanceDaySummary({ previous: stored, todayStartMs: todayMs, totalsAt, keptSinceMs }) ?? stored;
}

function uptimeOf(
  fact: CheckFacts,
  days: readonly (RoundTally | undefined)[],
): Partial<Record<UptimeWindow, RoundTally>> {
  const uptime: Partial<Record<UptimeWindow, RoundTally>> = {};
  if (fact.newest !== undefined) {
    const lastDay = windowTotals(fact.newest, fact.dayAgo);
    if (lastDay.total > 0) uptime['24h'] = { total: lastDay.total, good: lastDay.availabilityGood };
  }
  for (const [window, count] of Object.entries(dailyWindows) as [UptimeWindow, number][]) {
    const tally: RoundTally = { total: 0, good: 0 };
    for (const day of days.slice(-count)) {
      tally.total += day?.total ?? 0;
      tally.good += day?.good ?? 0;
    }
    if (tally.total > 0) uptime[window] = tally;
  }
  return uptime;
}

function latencyOf(fact: CheckFacts): Pick<StatusPageCheck, 'latency'> {
  if (fact.newest?.latencyHistogram === undefined) return {};
  const lastDay = histogramDifference(fact.newest.latencyHistogram, fact.dayAgo?.latencyHistogram);
  const p50Ms = latencyPercentile(lastDay, 0.5);
  const p95Ms = latencyPercentile(lastDay, 0.95);
  return p50Ms === undefined || p95Ms === undefined
    ? {}
    : { latency: { p50Ms: roundLatency(p50Ms), p95Ms: roundLatency(p95Ms) } };
}

/** A bucket's latency to 0.1 ms, as results are stored. */
function roundLatency(latencyMs: number): number {
  return Math.round(latencyMs * 10) / 10;
}

function certificateOf(fact: CheckFacts): Pick<StatusPageCheck, 'certificate'> {
  const newest = fact.latest
    .map((stored) => stored.result)
    .filter((result) => result.tls !== undefined)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  const validToMs = newest?.tls === undefined ? Number.NaN : Date.parse(newest.tls.validTo);
  return Number.isFinite(validToMs)
    ? { certificate: { validToMs, warningDays: fact.check.alert.certificateWarningDays } }
    : {};
}
