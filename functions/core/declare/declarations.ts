import type { Assertion, RegexSource } from './assertion';
import type { Duration } from './duration';

/**
 * A header value read at run time from SSM Parameter Store (SecureString) or Secrets Manager.
 * Built with `secret('/path')`; only the reference is ever stored or shipped.
 */
export interface SecretRef {
  /** Marks the value as a secret reference. */
  kind: 'secret';
  /**
   * An SSM parameter name (`/lookout/orders-token`) or a Secrets Manager ARN or name
   * prefixed with `secretsmanager:` (`secretsmanager:prod/orders-token`).
   */
  ref: string;
}

/** A header value: plain text, or a secret read at run time. */
export type HeaderValue = string | SecretRef;

/** An HTTP method a check may send. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * The HTTP version an HTTP check speaks when it is pinned to one: `'1.1'` offers only `http/1.1` by ALPN;
 * `'2'` offers only `h2` over TLS, and speaks HTTP/2 with prior knowledge (h2c) to an `http:` URL.
 */
export type HttpVersionChoice = '1.1' | '2';

/** A client certificate presented to servers that ask for one (mutual TLS). */
export interface ClientCertificate {
  /** The certificate, PEM, followed by any intermediate certificates the server needs to build the chain. */
  cert: string;
  /** Its private key (PEM, unencrypted), read at run time from a secret and never stored: `secret('/ssm/path')`. */
  key: SecretRef;
}

/** A TLS protocol version a probe may require at least. */
export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

/**
 * A key exchange group a probe may offer in its TLS handshake. `X25519MLKEM768` is the hybrid
 * post-quantum group that current browsers offer first.
 */
export type KeyExchangeGroup = 'X25519' | 'P-256' | 'P-384' | 'P-521' | 'X25519MLKEM768';

/** How a probe sets up and judges TLS. */
export interface TlsOptions {
  /**
   * Extra trusted certificate authorities, PEM. The public roots stay trusted too.
   * @default undefined (the public roots that Node.js ships)
   */
  ca?: string;
  /**
   * The server name sent in SNI and checked against the certificate.
   * @default the URL's or check's host name
   */
  servername?: string;
  /**
   * The lowest TLS version the probe accepts.
   * @default 'TLSv1.2'
   */
  minVersion?: TlsVersion;
  /**
   * Accept untrusted, expired or mismatched certificates (their facts are still recorded).
   * @default false
   */
  insecure?: boolean;
  /**
   * The key exchange groups offered, most preferred first. The default is the classic elliptic-curve
   * set that monitoring probes and most clients offer; add `'X25519MLKEM768'` first to measure the
   * post-quantum handshake current browsers make (it costs the client and server more CPU).
   * @default ['X25519', 'P-256', 'P-384']
   */
  keyExchangeGroups?: KeyExchangeGroup[];
  /**
   * A client certificate for servers that require one (mutual TLS); its key is a `secret()`, read at run time
   * like a secret header (one read per probe container every 5 minutes, as header secrets).
   * @default undefined (no client certificate)
   */
  clientCertificate?: ClientCertificate;
}

/** An availability and latency objective for one check, pooled over its regions. */
export interface SloDeclaration {
  /**
   * Availability objective in percent of probes that are ok, strictly between 0 and 100.
   * @default undefined (no availability objective)
   */
  availability?: number;
  /**
   * Latency objective: `target` percent of probes are ok and at most `threshold`.
   * @default undefined (no latency objective)
   */
  latency?: {
    /** The latency a good probe stays at or under, such as `'300ms'`. */
    threshold: Duration;
    /** Percent of probes that must be good, strictly between 0 and 100. */
    target: number;
  };
  /**
   * The rolling window the objectives are measured over.
   * @default '30d'
   */
  window?: Duration;
}

/** When a check counts as down or up again. */
export interface AlertPolicyDeclaration {
  /**
   * How many of the check's regions must fail in the same round for the round to count as failed.
   * @default a majority of the check's regions
   */
  regionsToFail?: number;
  /**
   * How many failed rounds in a row open an outage.
   * @default 2
   */
  consecutiveFailures?: number;
  /**
   * How many clean rounds in a row resolve an outage.
   * @default 2
   */
  consecutiveSuccesses?: number;
  /**
   * Days before the certificate expires at which a `certificate` warning opens (HTTPS and TLS checks).
   * @default 21
   */
  certificateWarningDays?: number;
  /**
   * Days before the certificate expires at which the `certificate` alert becomes critical.
   * @default 7
   */
  certificateCriticalDays?: number;
  /**
   * Notify again while an alert stays open, every this long, such as `'4h'`.
   * @default undefined (no reminders)
   */
  remindEvery?: Duration;
}

/** A day of the week, for recurring maintenance windows. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A maintenance window: probes run and are recorded, but nothing is notified and the probes do not count
 * towards SLOs. Either one-off (`start` and `end`) or weekly (`weekly`).
 */
export interface MaintenanceWindowDeclaration {
  /**
   * The ids of the checks it silences.
   * @default every check
   */
  checks?: string[];
  /**
   * Why, shown in the terminal and the incident history.
   * @default undefined
   */
  reason?: string;
  /**
   * A one-off window's start, ISO 8601 with a time zone, such as `'2026-12-01T02:00:00Z'`.
   * @default undefined (give `weekly` instead)
   */
  start?: string;
  /**
   * A one-off window's end, ISO 8601 with a time zone, after `start`.
   * @default undefined (give `weekly` instead)
   */
  end?: string;
  /**
   * A weekly window, in UTC: on each of `days`, from `at` (`'HH:MM'`) for `duration` (at most 1 day).
   * @default undefined (give `start` and `end` instead)
   */
  weekly?: { days: Weekday[]; at: string; duration: Duration };
}

/**
 * Which CloudWatch custom metrics Lookout publishes beyond the default. By default each check gets two series,
 * `Availability` and `Latency` with only the `CheckId` dimension: at $0.30 per series per month (us-east-1, the
 * first 10,000 series of an account) that is $0.60 per check-month, the largest line of Lookout's bill. Each
 * option below adds series at the same price; the breakdowns they graph (per region, per phase, error codes) can
 * also be read without them from the probe's one-line result logs with CloudWatch Logs Insights, which cost only
 * their ingestion (about $0.016 per check-month for 3 regions). `lookout cost` prices a monitor with its options.
 */
export interface MetricsOptions {
  /**
   * Also publish each per-check metric per region: a second series with `CheckId` and `Region` dimensions for
   * each region the check runs in. Adds one series per region for each metric published per check: with the
   * defaults, 2 × regions series ($1.80 per check-month from 3 regions); with `phases` and `certificate` too, up
   * to 8 × regions ($7.20 per check-month from 3 regions).
   * @default false
   */
  perRegion?: boolean;
  /**
   * Publish the phase latencies `LatencyDns`, `LatencyConnect`, `LatencyTls`, `LatencyTtfb` and
   * `LatencyTransfer`, each phase the check measures: 5 series for an HTTPS check ($1.50 per check-month),
   * 4 for plain HTTP or TCP with a reply, 3 for TLS, 2 for TCP without one (one less for an IP address, which has
   * no DNS phase); times (1 + regions) with `perRegion`.
   * @default false
   */
  phases?: boolean;
  /**
   * Publish `CertificateDaysLeft` for HTTPS and TLS checks: 1 series per such check ($0.30 per check-month),
   * times (1 + regions) with `perRegion`. Certificate alerts do not need it.
   * @default false
   */
  certificate?: boolean;
  /**
   * Publish `SloBudgetRemaining` (with `CheckId` and `Objective` dimensions) for each declared objective: 1 series
   * per objective, so up to 2 per check with an SLO ($0.60 per check-month), plus one PutMetricData call per sweep
   * minute ($0.43 a month per 1,000 checks). SLO alerts do not need it.
   * @default false
   */
  sloBudget?: boolean;
}

/**
 * A public status page: on AWS the home stack publishes it (HTML, `status.json`, badges and an Atom feed of
 * incidents) to a private S3 bucket behind CloudFront, and the sweep keeps it current; `lookout run` serves the
 * same page on 127.0.0.1. Checks are private unless listed. About $0.70 a month for 100 checks at the README’s
 * assumed traffic (`lookout cost` prices it).
 */
export interface StatusPageDeclaration {
  /** The page's title, such as `'Acme status'`: at most 100 characters. */
  title: string;
  /** The ids of the checks the page shows, in the order it shows them; every other check stays private. */
  checks: string[];
  /**
   * What the page reveals beyond each check's name and state: its target (URL or `host:port`), and the last
   * error of a check that is down (which may name internal hosts).
   * @default { targets: false, errors: false }
   */
  show?: { targets?: boolean; errors?: boolean };
}

/** The fields every kind of check shares. */
export interface CheckDeclarationBase {
  /** A stable id: lowercase letters, digits and dashes, 1 to 63 characters, unique in the monitor. */
  id: string;
  /**
   * A name for people.
   * @default the id
   */
  name?: string;
  /**
   * The regions this check is probed from; each one of the monitor's regions, or `'local'`: a check placed
   * only in `'local'` runs on developers' machines (`npm start`, `lookout check`) and is never deployed.
   * @default the monitor's regions
   */
  regions?: string[];
  /**
   * How often the check runs: at least `'10s'`, and a divisor of a minute (below a minute)
   * or of an hour (below an hour) or of a day.
   * @default the monitor's `defaults.interval`, else `'1m'`
   */
  interval?: Duration;
  /**
   * One deadline for the whole probe, from DNS to the last byte; at most the interval.
   * @default the monitor's `defaults.timeout`, else `'10s'`
   */
  timeout?: Duration;
  /**
   * How many times a network failure is retried at once, within the same run (assertion failures are not).
   * @default the monitor's `defaults.retries`, else 0
   */
  retries?: number;
  /**
   * A latency above which a passing probe is marked degraded.
   * @default undefined (never degraded)
   */
  degradedLatency?: Duration;
  /**
   * Assertions, built with `expect.*()`. An HTTP check with no status assertion expects a status below 400.
   * @default []
   */
  assert?: Assertion[];
  /**
   * Service level objectives.
   * @default undefined (no SLO)
   */
  slo?: SloDeclaration;
  /**
   * When the check counts as down and up again.
   * @default the monitor's `defaults.alert`, else a majority of regions, 2 failed rounds, 2 clean rounds
   */
  alert?: AlertPolicyDeclaration;
  /**
   * Free-form labels, for filtering and dashboards.
   * @default []
   */
  tags?: string[];
}

/** An HTTP(S) check. */
export interface HttpCheckDeclaration extends CheckDeclarationBase {
  /** The kind of check. */
  kind: 'http';
  /** An absolute `http:` or `https:` URL. */
  url: string;
  /**
   * The request method.
   * @default 'GET'
   */
  method?: HttpMethod;
  /**
   * Request headers; values marked with `secret()` are read at run time and never stored.
   * @default {}
   */
  headers?: Record<string, HeaderValue>;
  /**
   * The request body.
   * @default undefined (no body)
   */
  body?: string;
  /**
   * How many redirects the probe follows; one more is `TOO_MANY_REDIRECTS`. 0 disables following.
   * @default 5
   */
  maxRedirects?: number;
  /**
   * How many bytes of the response body are read for assertions; the rest is not downloaded.
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number;
  /**
   * TLS settings for `https:` URLs, and for an `https:` URL a plain `http:` URL redirects to.
   * @default {}
   */
  tls?: TlsOptions;
  /**
   * Pins the HTTP version: `'1.1'` or `'2'` (see `HttpVersionChoice`). A check that must not silently fall back to
   * HTTP/1.1 pins `'2'`; one that must measure what HTTP/1.1 clients get pins `'1.1'`.
   * @default undefined (negotiate: offer `h2` and `http/1.1` by ALPN over TLS, as browsers and curl do, and speak
   * whichever the server picks; HTTP/1.1 over plain http)
   */
  httpVersion?: HttpVersionChoice;
}

/** A raw TCP check: connect, optionally send bytes, optionally expect a reply. */
export interface TcpCheckDeclaration extends CheckDeclarationBase {
  /** The kind of check. */
  kind: 'tcp';
  /** A host name or IP address. */
  host: string;
  /** A port from 1 to 65535. */
  port: number;
  /**
   * Bytes sent once connected.
   * @default undefined (send nothing)
   */
  send?: string;
  /**
   * A string the reply must contain, or a regular expression it must match, before the deadline.
   * @default undefined (a connection is enough)
   */
  expect?: string | RegexSource;
}

/** A TLS check: handshake, then judge the certificate. */
export interface TlsCheckDeclaration extends CheckDeclarationBase, TlsOptions {
  /** The kind of check. */
  kind: 'tls';
  /** A host name or IP address. */
  host: string;
  /**
   * A port from 1 to 65535.
   * @default 443
   */
  port?: number;
  /**
   * The fewest days the certificate must stay valid for the check to pass.
   * @default 0 (only an expired certificate fails)
   */
  minDaysValid?: number;
}

/**
 * A heartbeat monitor: nothing is probed; a job (a cron job, a backup, a queue consumer) pings Lookout's ping
 * endpoint (`/ping/<id>/<token>`, with `/start` and `/fail` variants) and the check fails when `period` plus
 * `grace` passes without a ping, or at once on a `/fail` ping. Each ping is a result from the pseudo-region
 * `'ping'`, so rounds, alerts, SLOs, metrics and the status page treat it like a probe. Cost (`lookout cost`): about
 * $0.000013 a ping (a write, a read, a ping and an evaluate invocation with its PutMetricData call) plus the sweep's
 * minute and two metric series like any check: $0.04 a month for a daily job, $1.17 at a ping a minute.
 */
export interface HeartbeatCheckDeclaration {
  /** The kind of check. */
  kind: 'heartbeat';
  /** A stable id: lowercase letters, digits and dashes, 1 to 63 characters, unique in the monitor. */
  id: string;
  /**
   * A name for people.
   * @default the id
   */
  name?: string;
  /** How often the job pings when all is well, such as `'1d'`: from 1 minute to 400 days. */
  period: Duration;
  /**
   * How late a ping may be before the check fails, such as `'1h'`: from 1 minute to the period.
   * @default '1h', or the period when it is shorter
   */
  grace?: Duration;
  /**
   * The ping URL's token, read at run time by the ping endpoint from SSM Parameter Store or Secrets Manager
   * (`secret('/lookout/heartbeat/nightly-backup')`), or locally from an environment variable as other secrets;
   * never in the template or logs. A wrong token gets 404 and records nothing.
   */
  token: SecretRef;
  /**
   * A run time (`/start` to the success ping) above which a passing ping is marked degraded.
   * @default undefined (never degraded)
   */
  degradedLatency?: Duration;
  /**
   * Service level objectives over pings (latency: the job's run time).
   * @default undefined (no SLO)
   */
  slo?: SloDeclaration;
  /**
   * When the check counts as down and up again: by default the first failed or missed ping opens it, the next
   * good one resolves it.
   * @default { consecutiveFailures: 1, consecutiveSuccesses: 1 }
   */
  alert?: Pick<AlertPolicyDeclaration, 'consecutiveFailures' | 'consecutiveSuccesses' | 'remindEvery'>;
  /**
   * Free-form labels, for filtering and dashboards.
   * @default []
   */
  tags?: string[];
}

/** A check that is probed (every kind but `heartbeat`). */
export type ProbedCheckDeclaration = HttpCheckDeclaration | TcpCheckDeclaration | TlsCheckDeclaration;

/** Any check declaration. */
export type CheckDeclaration = ProbedCheckDeclaration | HeartbeatCheckDeclaration;

/** Where notifications go. Each list may be empty. */
export interface AlertTargets {
  /**
   * Email addresses subscribed to the topic (each must confirm).
   * @default []
   */
  email?: string[];
  /**
   * Phone numbers in E.164 form (`+15551234567`) that get SMS.
   * @default []
   */
  sms?: string[];
  /**
   * HTTPS endpoints that get the JSON event.
   * @default []
   */
  https?: string[];
  /**
   * SQS queue ARNs that get the JSON event.
   * @default []
   */
  sqs?: string[];
  /**
   * Lambda function ARNs that get the JSON event.
   * @default []
   */
  lambda?: string[];
  /**
   * Alerts in Slack, Microsoft Teams or Amazon Chime through Amazon Q Developer in chat applications (formerly
   * AWS Chatbot): `true` (or options) creates a second topic, `<prefix>-alerts-chat`, whose messages are in
   * its custom-notification format, one thread per incident; connect a chat channel to it (README, "Alerts in
   * chat"). The main topic's subscribers get exactly what they get without it. Each notification adds one SNS
   * publish and delivery (about $0.0000011) and at most two KMS requests ($0.000006): a few cents a year.
   * @default false (no chat topic)
   */
  chat?: boolean | ChatAlertsDeclaration;
}

/** Options of the chat topic (`alerts.chat`). */
export interface ChatAlertsDeclaration {
  /**
   * The public address of your status page (`https://`, at most 200 characters), linked from every chat
   * message beside the dashboard.
   * @default none (messages link the dashboard only)
   */
  statusPageUrl?: string;
}

/** Defaults that apply to every check that does not set its own. */
export interface MonitorDefaults {
  /**
   * @default '1m'
   */
  interval?: Duration;
  /**
   * @default '10s'
   */
  timeout?: Duration;
  /**
   * @default 0
   */
  retries?: number;
  /**
   * @default a majority of regions, 2 failed rounds, 2 clean rounds
   */
  alert?: AlertPolicyDeclaration;
}

/** A whole monitor: where it runs, where it alerts, and its checks. */
export interface MonitorDeclaration {
  /** The region that holds the results table, the evaluator and the SNS topic. */
  homeRegion: string;
  /**
   * The regions checks are probed from.
   * @default [homeRegion]
   */
  regions?: string[];
  /**
   * Where notifications go.
   * @default {} (the topic exists; nobody is subscribed)
   */
  alerts?: AlertTargets;
  /**
   * Defaults for every check.
   * @default {}
   */
  defaults?: MonitorDefaults;
  /**
   * How long raw results are kept.
   * @default '30d'
   */
  retention?: Duration;
  /**
   * Maintenance windows.
   * @default []
   */
  maintenance?: MaintenanceWindowDeclaration[];
  /**
   * Which CloudWatch custom metrics are published beyond `Availability` and `Latency` per check (each series
   * costs $0.30 a month; see `MetricsOptions`).
   * @default { perRegion: false, phases: false, certificate: false, sloBudget: false }
   */
  metrics?: MetricsOptions;
  /**
   * A public status page of the listed checks (see `StatusPageDeclaration`).
   * @default undefined (no page on AWS; `lookout run` serves a local page of every check)
   */
  statusPage?: StatusPageDeclaration;
  /** The checks. Ids are unique. */
  checks: CheckDeclaration[];
}
