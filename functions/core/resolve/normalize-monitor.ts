import type { Assertion, AssertionTarget } from '../declare/assertion';
import type {
  AlertPolicyDeclaration,
  AlertTargets,
  CheckDeclaration,
  HeaderValue,
  HeartbeatCheckDeclaration,
  MaintenanceWindowDeclaration,
  MonitorDeclaration,
  SloDeclaration,
  TlsOptions,
} from '../declare/declarations';
import {
  builtInCheckDefaults,
  defaultHeartbeatAlert,
  defaultHeartbeatGraceMs,
  defaultMetricsOptions,
  defaultRetentionMs,
  defaultStatusPageShow,
  pingRegion,
} from '../declare/defaults';
import { parseDurationMs } from '../declare/duration';
import { readIsoTimestamp } from '../declare/iso-timestamp';
import { isRegexSource, toRegexSource } from '../declare/regex-source';
import { isSecretRef } from '../declare/secret';
import { parseTimeOfDayMinutes, weekdayNumbers } from '../declare/weekly-time';
import type {
  ResolvedAlertPolicy,
  ResolvedChatAlerts,
  ResolvedCheck,
  ResolvedCheckBase,
  ResolvedHeartbeatCheck,
  ResolvedMaintenanceWindow,
  ResolvedMonitor,
  ResolvedSlo,
  ResolvedTlsOptions,
} from './resolved-monitor';

/** The implicit assertion of an HTTP check that declares no status assertion of its own. */
export const implicitStatusAssertion: Assertion = { source: 'status', comparison: 'lessThan', target: 400 };

/** How many regions must fail together by default: a majority. */
export function majorityOf(regionCount: number): number {
  return Math.floor(regionCount / 2) + 1;
}

/**
 * Fills in every default and turns every duration into milliseconds. Only for declarations that
 * `validateMonitor` accepted: it relies on every value being valid.
 */
export function normalizeMonitor(declaration: MonitorDeclaration): ResolvedMonitor {
  const regions = [...(declaration.regions ?? [declaration.homeRegion])];
  const alerts = declaration.alerts ?? {};
  return {
    homeRegion: declaration.homeRegion,
    regions,
    alerts: {
      email: [...(alerts.email ?? [])],
      sms: [...(alerts.sms ?? [])],
      https: [...(alerts.https ?? [])],
      sqs: [...(alerts.sqs ?? [])],
      lambda: [...(alerts.lambda ?? [])],
      ...normalizeChatAlerts(alerts.chat),
    },
    retentionMs: declaration.retention === undefined ? defaultRetentionMs : durationMs(declaration.retention),
    maintenance: (declaration.maintenance ?? []).map(normalizeMaintenanceWindow),
    metrics: {
      perRegion: declaration.metrics?.perRegion ?? defaultMetricsOptions.perRegion,
      phases: declaration.metrics?.phases ?? defaultMetricsOptions.phases,
      certificate: declaration.metrics?.certificate ?? defaultMetricsOptions.certificate,
      sloBudget: declaration.metrics?.sloBudget ?? defaultMetricsOptions.sloBudget,
    },
    ...(declaration.statusPage === undefined
      ? {}
      : {
          statusPage: {
            title: declaration.statusPage.title,
            checks: [...declaration.statusPage.checks],
            show: {
              targets: declaration.statusPage.show?.targets ?? defaultStatusPageShow.targets,
              errors: declaration.statusPage.show?.errors ?? defaultStatusPageShow.errors,
            },
          },
        }),
    checks: declaration.checks.map((check) => normalizeCheck(check, declaration, regions)),
  };
}

/** `alerts.chat` resolved: `{ chat: {...} }` when declared (`true` or options), nothing when absent or `false`. */
function normalizeChatAlerts(chat: AlertTargets['chat']): { chat?: ResolvedChatAlerts } {
  if (chat === undefined || chat === false) return {};
  const statusPageUrl = chat === true ? undefined : chat.statusPageUrl;
  return { chat: statusPageUrl === undefined ? {} : { statusPageUrl } };
}

function durationMs(value: string): number {
  const parsed = parseDurationMs(value);
  if (parsed === undefined)
    throw new Error(`normalizeMonitor got the invalid duration ${JSON.stringify(value)}; validate first`);
  return parsed;
}

function timestampMs(value: string | undefined): number {
  const reading = readIsoTimestamp(String(value));
  if (!reading.ok)
    throw new Error(`normalizeMonitor got the invalid timestamp ${JSON.stringify(value)}; validate first`);
  return reading.epochMs;
}

function normalizeMaintenanceWindow(window: MaintenanceWindowDeclaration): ResolvedMaintenanceWindow {
  const common = {
    ...(window.checks === undefined ? {} : { checks: [...window.checks] }),
    ...(window.reason === undefined ? {} : { reason: window.reason }),
  };
  if (window.weekly === undefined) {
    return { ...common, kind: 'once', startMs: timestampMs(window.start), endMs: timestampMs(window.end) };
  }
  const startMinuteOfDay = parseTimeOfDayMinutes(window.weekly.at);
  if (startMinuteOfDay === undefined)
    throw new Error(`normalizeMonitor got the invalid time of day ${JSON.stringify(window.weekly.at)}`);
  return {
    ...common,
    kind: 'weekly',
    days: window.weekly.days.map((day) => weekdayNumbers[day]).sort((a, b) => a - b),
    startMinuteOfDay,
    durationMs: durationMs(window.weekly.duration),
  };
}

function normalizeCheck(
  check: CheckDeclaration,
  monitor: MonitorDeclaration,
  monitorRegions: string[],
): ResolvedCheck {
  if (check.kind === 'heartbeat') return normalizeHeartbeat(check, monitor);
  const defaults = monitor.defaults ?? {};
  const regions = [...(check.regions ?? monitorRegions)];
  const assertions = (check.assert ?? []).map(normalizeAssertion);
  if (check.kind === 'http' && !assertions.some((assertion) => assertion.source === 'status')) {
    assertions.push({ ...implicitStatusAssertion });
  }
  const base: ResolvedCheckBase = {
    id: check.id,
    name: check.name ?? check.id,
    regions,
    intervalMs: durationOr(check.interval ?? defaults.interval, builtInCheckDefaults.intervalMs),
    timeoutMs: durationOr(check.timeout ?? defaults.timeout, builtInCheckDefaults.timeoutMs),
    retries: check.retries ?? defaults.retries ?? builtInCheckDefaults.retries,
    ...(check.degradedLatency === undefined ? {} : { degradedLatencyMs: durationMs(check.degradedLatency) }),
    assertions,
    ...(check.slo === undefined ? {} : { slo: normalizeSlo(check.slo) }),
    alert: normalizeAlertPolicy(check.alert, defaults.alert, regions.length),
    tags: [...(check.tags ?? [])],
  };
  switch (check.kind) {
    case 'http':
      return {
        kind: 'http',
        ...base,
        url: check.url,
        method: check.method ?? builtInCheckDefaults.method,
        headers: copyHeaders(check.headers ?? {}),
        ...(check.body === undefined ? {} : { body: check.body }),
        maxRedirects: check.maxRedirects ?? builtInCheckDefaults.maxRedirects,
        maxBodyBytes: check.maxBodyBytes ?? builtInCheckDefaults.maxBodyBytes,
        tls: normalizeTlsOptions(check.tls ?? {}),
        ...(check.httpVersion === undefined ? {} : { httpVersion: check.httpVersion }),
      };
    case 'tcp':
      return {
        kind: 'tcp',
        ...base,
        host: check.host,
        port: check.port,
        ...(check.send === undefined ? {} : { send: check.send }),
        ...(check.expect === undefined
          ? {}
          : { expect: typeof check.expect === 'string' ? check.expect : toRegexSource(check.expect) }),
      };
    case 'tls':
      return {
        kind: 'tls',
        ...base,
        host: check.host,
        port: check.port ?? builtInCheckDefaults.tlsPort,
        minDaysValid: check.minDaysValid ?? builtInCheckDefaults.minDaysValid,
        tls: normalizeTlsOptions(check),
      };
  }
}

/**
 * A heartbeat as a check of one region, `'ping'`, whose rounds are its pings: interval the period, timeout the
 * grace (at most the period), one failed round opens and one passing round resolves unless it says otherwise.
 */
function normalizeHeartbeat(
  check: HeartbeatCheckDeclaration,
  monitor: MonitorDeclaration,
): ResolvedHeartbeatCheck {
  const periodMs = durationMs(check.period);
  const graceMs = durationOr(check.grace, Math.min(defaultHeartbeatGraceMs, periodMs));
  const inherited = monitor.defaults?.alert;
  return {
    kind: 'heartbeat',
    id: check.id,
    name: check.name ?? check.id,
    regions: [pingRegion],
    intervalMs: periodMs,
    timeoutMs: graceMs,
    retries: 0,
    ...(check.degradedLatency === undefined ? {} : { degradedLatencyMs: durationMs(check.degradedLatency) }),
    assertions: [],
    ...(check.slo === undefined ? {} : { slo: normalizeSlo(check.slo) }),
    alert: {
      regionsToFail: 1,
      consecutiveFailures: check.alert?.consecutiveFailures ?? defaultHeartbeatAlert.consecutiveFailures,
      consecutiveSuccesses: check.alert?.consecutiveSuccesses ?? defaultHeartbeatAlert.consecutiveSuccesses,
      certificateWarningDays: builtInCheckDefaults.certificateWarningDays,
      certificateCriticalDays: builtInCheckDefaults.certificateCriticalDays,
      ...remindEvery(check.alert?.remindEvery ?? inherited?.remindEvery),
    },
    tags: [...(check.tags ?? [])],
    periodMs,
    graceMs,
    token: { kind: 'secret', ref: check.token.ref },
  };
}

function durationOr(value: string | undefined, fallbackMs: number): number {
  return value === undefined ? fallbackMs : durationMs(value);
}

function normalizeAssertion(assertion: Assertion): Assertion {
  const { source, property, comparison, target } = assertion;
  const resolvedProperty = source === 'latency' ? (property ?? 'total') : property;
  return {
    source,
    ...(resolvedProperty === undefined ? {} : { property: resolvedProperty }),
    comparison,
    ...(target === undefined ? {} : { target: normalizeTarget(source, target) }),
  };
}

function normalizeTarget(source: Assertion['source'], target: AssertionTarget): AssertionTarget {
  if (source === 'latency') return typeof target === 'number' ? target : durationMs(String(target));
  if (Array.isArray(target)) return [...target];
  if (isRegexSource(target)) return toRegexSource(target);
  return target;
}

function normalizeSlo(slo: SloDeclaration): ResolvedSlo {
  return {
    ...(slo.availability === undefined ? {} : { availability: slo.availability }),
    ...(slo.latency === undefined
      ? {}
      : { latency: { thresholdMs: durationMs(slo.latency.threshold), target: slo.latency.target } }),
    windowMs: durationOr(slo.window, builtInCheckDefaults.sloWindowMs),
  };
}

function normalizeAlertPolicy(
  own: AlertPolicyDeclaration | undefined,
  inherited: AlertPolicyDeclaration | undefined,
  regionCount: number,
): ResolvedAlertPolicy {
  return {
    regionsToFail: own?.regionsToFail ?? inherited?.regionsToFail ?? majorityOf(regionCount),
    consecutiveFailures:
      own?.consecutiveFailures ?? inherited?.consecutiveFailures ?? builtInCheckDefaults.consecutiveFailures,
    consecutiveSuccesses:
      own?.consecutiveSuccesses ??
      inherited?.consecutiveSuccesses ??
      builtInCheckDefaults.consecutiveSuccesses,
    certificateWarningDays:
      own?.certificateWarningDays ??
      inherited?.certificateWarningDays ??
      builtInCheckDefaults.certificateWarningDays,
    certificateCriticalDays:
      own?.certificateCriticalDays ??
      inherited?.certificateCriticalDays ??
      builtInCheckDefaults.certificateCriticalDays,
    ...remindEvery(own?.remindEvery ?? inherited?.remindEvery),
  };
}

function remindEvery(value: string | undefined): { remindEveryMs?: number } {
  return value === undefined ? {} : { remindEveryMs: durationMs(value) };
}

function normalizeTlsOptions(options: TlsOptions): ResolvedTlsOptions {
  return {
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    ...(options.servername === undefined ? {} : { servername: options.servername }),
    minVersion: options.minVersion ?? builtInCheckDefaults.minVersion,
    insecure: options.insecure ?? builtInCheckDefaults.insecure,
    keyExchangeGroups: [...(options.keyExchangeGroups ?? builtInCheckDefaults.keyExchangeGroups)],
    ...(options.clientCertificate === undefined
      ? {}
      : {
          clientCertificate: {
            cert: options.clientCertificate.cert,
            key: { kind: 'secret', ref: options.clientCertificate.key.ref },
          },
        }),
  };
}

function copyHeaders(headers: Record<string, HeaderValue>): Record<string, HeaderValue> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      isSecretRef(value) ? { kind: 'secret', ref: value.ref } : value,
    ]),
  );
}
