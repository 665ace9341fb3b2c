import type { AlertKind, Severity } from '../../../functions/core/alerting/alert-kind';
import type { LookoutEvent, LookoutEventType } from '../../../functions/core/alerting/lookout-event';
import { dayMs, hourMs, minuteMs } from '../../../functions/core/declare/duration';
import type { ResolvedMaintenanceWindow } from '../../../functions/core/resolve/resolved-monitor';
import {
  dayBars,
  incidentsFromEvents,
  maintenanceOccurrences,
  type RoundTally,
  type StatusPageCheck,
  type StatusPageData,
  type StatusPageVisibility,
  utcDayStartMs,
} from '../../../functions/core/status-page';

/** The instant every fixture is "now": a Tuesday, 10:00 UTC. */
export const nowMs = Date.parse('2026-11-24T10:00:00.000Z');

/** The texts of a status page that come from a user (the declaration) or a target (its errors). */
export type OutsideText = 'title' | 'name' | 'target' | 'error' | 'summary' | 'reason';

/** Every kind of outside text. */
export const outsideTexts: OutsideText[] = ['title', 'name', 'target', 'error', 'summary', 'reason'];

/**
 * Markup that would run, or break out of its element or attribute, if a renderer forgot to escape the text it came
 * in; it names its field so a test can tell each one was shown. XML forbids the \u0007.
 */
export function hostile(field: OutsideText): string {
  return `<img src=x onerror="window.__injected='${field}'"></script><script>window.__injected='${field}'</script>'&amp;\u0007`;
}

/** Text as a renderer receives it: plain, or with {@link hostile} markup appended. */
export type TextOf = (plain: string, field: OutsideText) => string;

/** Leaves every text as it is. */
export const plainText: TextOf = (plain) => plain;

/** Appends hostile markup to every outside text. */
export const hostileText: TextOf = (plain, field) => `${plain} ${hostile(field)}`;

/** One event of the log, as the evaluator and the sweep record them. */
export function event(
  checkId: string,
  kind: AlertKind,
  n: number,
  type: LookoutEventType,
  severity: Severity,
  sinceMs: number,
  atMs: number,
  summary: string,
  extra: Partial<LookoutEvent> = {},
): LookoutEvent {
  return {
    schema: 'lookout.event.v1',
    id: `${checkId}:${kind}:${n}`,
    type,
    kind,
    severity,
    checkId,
    checkName: checkId,
    target: `https://${checkId}.example.com/`,
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    since: new Date(sinceMs).toISOString(),
    at: new Date(atMs).toISOString(),
    summary,
    ...extra,
  };
}

const todayMs = utcDayStartMs(nowMs);
const roundsPerDay = 1440;

/** 90 days of rounds for a check probed every minute, with the given failed rounds per days-ago (0 = today). */
function rounds(failedByDaysAgo: Record<number, number>, firstDaysAgo = 89): Map<number, RoundTally> {
  const byDay = new Map<number, RoundTally>();
  for (let daysAgo = firstDaysAgo; daysAgo >= 0; daysAgo -= 1) {
    const total = daysAgo === 0 ? (nowMs - todayMs) / minuteMs : roundsPerDay;
    byDay.set(todayMs - daysAgo * dayMs, { total, good: total - (failedByDaysAgo[daysAgo] ?? 0) });
  }
  return byDay;
}

/** The event log of the realistic page: listed and unlisted checks, open and past incidents, every event type. */
export function realisticEvents(text: TextOf = plainText): LookoutEvent[] {
  const outageSince = nowMs - 4 * minuteMs;
  const pastOutageSince = todayMs - 3 * dayMs + 14 * hourMs + 2 * minuteMs;
  const degradedSince = nowMs - 20 * minuteMs;
  const websiteSince = todayMs - 20 * dayMs + 23 * hourMs + 50 * minuteMs;
  const maintenanceSince = todayMs - 7 * dayMs + 2 * hourMs + 10 * minuteMs;
  const failure = {
    region: 'eu-west-1',
    at: new Date(nowMs - minuteMs).toISOString(),
    code: 'CONNECT_TIMEOUT' as const,
    message: text('connecting to api.example.com:443 timed out after 5000 ms', 'error'),
    failedAssertions: [],
  };
  return [
    event(
      'orders-api',
      'outage',
      5,
      'opened',
      'critical',
      outageSince,
      outageSince + minuteMs,
      text('Orders API is down in 3 of 3 regions', 'summary'),
      { lastFailure: failure },
    ),
    event(
      'orders-api',
      'outage',
      1,
      'opened',
      'warning',
      pastOutageSince,
      pastOutageSince + 2 * minuteMs,
      'Orders API is down in 2 of 3 regions',
    ),
    event(
      'orders-api',
      'outage',
      2,
      'escalated',
      'critical',
      pastOutageSince,
      pastOutageSince + 5 * minuteMs,
      'Orders API is down in 3 of 3 regions',
    ),
    event(
      'orders-api',
      'outage',
      3,
      'reminder',
      'critical',
      pastOutageSince,
      pastOutageSince + 9 * minuteMs,
      'Orders API is still down in 3 of 3 regions',
    ),
    event(
      'orders-api',
      'outage',
      4,
      'resolved',
      'info',
      pastOutageSince,
      pastOutageSince + 12 * minuteMs,
      'Orders API is up again in every region',
    ),
    event(
      'search',
      'degraded',
      1,
      'opened',
      'warning',
      degradedSince,
      degradedSince + 2 * minuteMs,
      'Search is slower than 800 ms in 2 of 3 regions',
    ),
    // The website's outage ran past midnight UTC: its bar shows on two days.
    event(
      'website',
      'outage',
      1,
      'opened',
      'critical',
      websiteSince,
      websiteSince + minuteMs,
      'Website is down in 3 of 3 regions',
    ),
    event(
      'website',
      'outage',
      2,
      'resolved',
      'info',
      websiteSince,
      websiteSince + 25 * minuteMs,
      'Website is up again in every region',
    ),
    event(
      'billing-db',
      'outage',
      1,
      'opened',
      'critical',
      maintenanceSince,
      maintenanceSince + minuteMs,
      'Billing database is down in 3 of 3 regions',
      { silenced: true },
    ),
    event(
      'billing-db',
      'outage',
      2,
      'resolved',
      'info',
      maintenanceSince,
      maintenanceSince + 40 * minuteMs,
      'Billing database is up again in every region',
      { silenced: true },
    ),
    // Not an incident by default (an operator's concern), and a check that is not listed (private).
    event(
      'website',
      'certificate',
      1,
      'opened',
      'warning',
      nowMs - dayMs,
      nowMs - dayMs,
      "Website's certificate expires in 10 days",
    ),
    event(
      'internal-admin',
      'outage',
      1,
      'opened',
      'critical',
      nowMs - hourMs,
      nowMs - hourMs,
      'internal-admin.corp.local is down',
    ),
  ];
}

/** Maintenance: the billing database every Tuesday 02:00 UTC for 9 h (in progress now), and a one-off next week. */
export function realisticMaintenance(text: TextOf = plainText): ResolvedMaintenanceWindow[] {
  return [
    {
      kind: 'weekly',
      days: [2],
      startMinuteOfDay: 120,
      durationMs: 9 * hourMs,
      checks: ['billing-db'],
      reason: text('Weekly database vacuum', 'reason'),
    },
    {
      kind: 'once',
      startMs: todayMs + 3 * dayMs + hourMs,
      endMs: todayMs + 3 * dayMs + 3 * hourMs,
      reason: 'Moving to a new data centre',
    },
    {
      kind: 'once',
      startMs: nowMs + hourMs,
      endMs: nowMs + 2 * hourMs,
      checks: ['internal-admin'],
      reason: 'private, not shown',
    },
  ];
}

/**
 * A realistic page: a check down, one degraded, one in maintenance, one up with a certificate expiring soon, one
 * still pending; past incidents, one across midnight and one during maintenance; an unlisted check's incident.
 *
 * @param text applied to every text that comes from a user or a target (to make them hostile)
 */
export function realisticStatusPage(
  show: StatusPageVisibility = {},
  text: TextOf = plainText,
): StatusPageData {
  const incidents = incidentsFromEvents(realisticEvents(text));
  const check = (
    fields: Omit<StatusPageCheck, 'days' | 'uptime' | 'name' | 'target'> & { name: string; target: string },
    byDay: Map<number, RoundTally>,
  ): StatusPageCheck => {
    const days = dayBars(fields.id, nowMs, byDay, incidents);
    const sum = (count: number) =>
      days.slice(-count).reduce(
        (tally, day) => ({
          total: tally.total + (day.rounds?.total ?? 0),
          good: tally.good + (day.rounds?.good ?? 0),
        }),
        { total: 0, good: 0 },
      );
    const tallies = { '24h': sum(1), '7d': sum(7), '30d': sum(30), '90d': sum(90) };
    const uptime = Object.fromEntries(Object.entries(tallies).filter(([, tally]) => tally.total > 0));
    return {
      ...fields,
      name: text(fields.name, 'name'),
      target: text(fields.target, 'target'),
      days,
      uptime,
    };
  };
  return {
    title: text('Acme status', 'title'),
    nowMs,
    show,
    checks: [
      check(
        {
          id: 'orders-api',
          name: 'Orders API',
          kind: 'http',
          target: 'https://api.example.com/orders/health',
          state: 'down',
          sinceMs: nowMs - 4 * minuteMs,
          lastError: {
            code: 'CONNECT_TIMEOUT',
            message: text('connecting to api.example.com:443 timed out after 5000 ms', 'error'),
          },
          latency: { p50Ms: 87.4, p95Ms: 212.9 },
          certificate: { validToMs: nowMs + 45 * dayMs + 3 * hourMs, warningDays: 14 },
        },
        rounds({ 0: 4, 3: 12, 17: 2, 41: 30, 60: 1 }),
      ),
      check(
        {
          id: 'website',
          name: 'Website',
          kind: 'http',
          target: 'https://www.example.com/',
          state: 'up',
          sinceMs: todayMs - 20 * dayMs + 23 * hourMs + 75 * minuteMs,
          latency: { p50Ms: 143, p95Ms: 1240 },
          certificate: { validToMs: nowMs + 10 * dayMs + 5 * hourMs, warningDays: 14 },
        },
        rounds({ 20: 10, 19: 14 }),
      ),
      check(
        {
          id: 'search',
          name: 'Search',
          kind: 'http',
          target: 'http://search.internal:9200/_cluster/health',
          state: 'degraded',
          sinceMs: nowMs - 20 * minuteMs,
          latency: { p50Ms: 910, p95Ms: 1830 },
        },
        rounds({}, 40),
      ),
      check(
        {
          id: 'billing-db',
          name: 'Billing database',
          kind: 'tcp',
          target: 'billing-db.internal:5432',
          state: 'maintenance',
          sinceMs: todayMs + 2 * hourMs,
          latency: { p50Ms: 3.2, p95Ms: 8.8 },
        },
        rounds({ 7: 40 }),
      ),
      check(
        {
          id: 'status-webhook',
          name: 'Status webhook',
          kind: 'tls',
          target: 'hooks.example.com:443',
          state: 'pending',
        },
        new Map(),
      ),
    ],
    incidents,
    maintenance: maintenanceOccurrences(realisticMaintenance(text), nowMs),
  };
}
