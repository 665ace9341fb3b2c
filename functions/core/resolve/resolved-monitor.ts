import type { Assertion, RegexSource } from '../declare/assertion';
import type {
  AlertTargets,
  ClientCertificate,
  HeaderValue,
  HttpMethod,
  HttpVersionChoice,
  KeyExchangeGroup,
  SecretRef,
  TlsVersion,
} from '../declare/declarations';

/**
 * The validated, normalized form of a monitor: every default filled in, every duration in
 * milliseconds. This is what the engine, the handlers and the infrastructure consume,
 * and what is shipped to each function as `monitor.json`.
 */

/** A resolved alert policy. */
export interface ResolvedAlertPolicy {
  regionsToFail: number;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  certificateWarningDays: number;
  certificateCriticalDays: number;
  remindEveryMs?: number;
}

/** A resolved maintenance window; weekly ones in UTC. */
export type ResolvedMaintenanceWindow = {
  /** The check ids it silences; `undefined` for every check. */
  checks?: string[];
  reason?: string;
} & (
  | { kind: 'once'; startMs: number; endMs: number }
  | {
      kind: 'weekly';
      /** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay()`. */
      days: number[];
      /** Minutes after midnight UTC. */
      startMinuteOfDay: number;
      durationMs: number;
    }
);

/** A resolved SLO. */
export interface ResolvedSlo {
  /** Percent, in (0, 100), or undefined. */
  availability?: number;
  latency?: { thresholdMs: number; target: number };
  windowMs: number;
}

/** Resolved TLS options. */
export interface ResolvedTlsOptions {
  ca?: string;
  servername?: string;
  minVersion: TlsVersion;
  insecure: boolean;
  keyExchangeGroups: KeyExchangeGroup[];
  /** A client certificate; its key stays a secret reference, read by the engine at run time. */
  clientCertificate?: ClientCertificate;
}

/** The fields every resolved check shares. */
export interface ResolvedCheckBase {
  id: string;
  name: string;
  regions: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  degradedLatencyMs?: number;
  /** Latency targets in milliseconds; regexes as `RegexSource`. */
  assertions: Assertion[];
  slo?: ResolvedSlo;
  alert: ResolvedAlertPolicy;
  tags: string[];
}

/** A resolved HTTP(S) check. */
export interface ResolvedHttpCheck extends ResolvedCheckBase {
  kind: 'http';
  url: string;
  method: HttpMethod;
  headers: Record<string, HeaderValue>;
  body?: string;
  maxRedirects: number;
  maxBodyBytes: number;
  tls: ResolvedTlsOptions;
  /** The pinned HTTP version; absent to negotiate. */
  httpVersion?: HttpVersionChoice;
}

/** A resolved TCP check. */
export interface ResolvedTcpCheck extends ResolvedCheckBase {
  kind: 'tcp';
  host: string;
  port: number;
  send?: string;
  expect?: string | RegexSource;
}

/** A resolved TLS check. */
export interface ResolvedTlsCheck extends ResolvedCheckBase {
  kind: 'tls';
  host: string;
  port: number;
  minDaysValid: number;
  tls: ResolvedTlsOptions;
}

/**
 * A resolved heartbeat: its only region is `'ping'`, its interval the period and its timeout the grace (a round
 * is one ping, judged at once); no retries, no assertions; `regionsToFail` 1.
 */
export interface ResolvedHeartbeatCheck extends ResolvedCheckBase {
  kind: 'heartbeat';
  /** How often the job pings, in milliseconds (the same as `intervalMs`). */
  periodMs: number;
  /** How late a ping may be, in milliseconds (the same as `timeoutMs`). */
  graceMs: number;
  /** The ping token, a secret reference read at run time by the ping endpoint. */
  token: SecretRef;
}

/** A resolved check the probe engine probes (every kind but `heartbeat`). */
export type ResolvedProbedCheck = ResolvedHttpCheck | ResolvedTcpCheck | ResolvedTlsCheck;

/** Any resolved check. */
export type ResolvedCheck = ResolvedProbedCheck | ResolvedHeartbeatCheck;

/**
 * Which custom metrics are published, every option filled in (see `MetricsOptions` for what each adds and costs).
 */
export interface ResolvedMetricsOptions {
  /** A `CheckId` + `Region` series of each per-check metric too. */
  perRegion: boolean;
  /** The phase latencies `LatencyDns`, `LatencyConnect`, `LatencyTls`, `LatencyTtfb`, `LatencyTransfer`. */
  phases: boolean;
  /** `CertificateDaysLeft` of HTTPS and TLS checks. */
  certificate: boolean;
  /** `SloBudgetRemaining` of each declared objective. */
  sloBudget: boolean;
}

/** A resolved status page (see `StatusPageDeclaration`). */
export interface ResolvedStatusPage {
  title: string;
  /** The listed check ids, in the page's order. */
  checks: string[];
  /** What the page reveals beyond names and states. */
  show: { targets: boolean; errors: boolean };
}

/** Where notifications go: every list filled in; `chat` only when a chat topic is declared. */
export type ResolvedAlertTargets = Required<Omit<AlertTargets, 'chat'>> & {
  /** The chat topic (`alerts.chat`), present only when declared. */
  chat?: ResolvedChatAlerts;
};

/** A resolved chat topic (see `ChatAlertsDeclaration`). */
export interface ResolvedChatAlerts {
  /** The status page every chat message links to, when one is given. */
  statusPageUrl?: string;
}

/** A resolved monitor. */
export interface ResolvedMonitor {
  homeRegion: string;
  regions: string[];
  alerts: ResolvedAlertTargets;
  retentionMs: number;
  maintenance: ResolvedMaintenanceWindow[];
  metrics: ResolvedMetricsOptions;
  /** The public status page, when one is declared. */
  statusPage?: ResolvedStatusPage;
  checks: ResolvedCheck[];
}
