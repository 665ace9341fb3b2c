import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbStore } from '../../functions/adapters/dynamodb/create-dynamodb-store';
import type { LookoutEvent } from '../../functions/core/alerting/lookout-event';
import { checkTarget } from '../../functions/core/check-target';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import type { MetricDatum } from '../../functions/core/metrics/metric-datum';
import type { LookoutStore } from '../../functions/core/ports/lookout-store';
import type { MetricsSink } from '../../functions/core/ports/metrics-sink';
import type { Notifier } from '../../functions/core/ports/notifier';
import type { StoredResult } from '../../functions/core/ports/stored-result';
import type { ProbeResult, TlsFacts } from '../../functions/core/probe-result';
import type { ResolvedCheck, ResolvedMonitor } from '../../functions/core/resolve/resolved-monitor';
import { validateMonitor } from '../../functions/core/validate/validate-monitor';
import { evaluateNewResults } from '../../functions/runtime/evaluate-new-results';
import type { EvaluationDeps } from '../../functions/runtime/evaluation-deps';
import { sweep } from '../../functions/runtime/sweep';
import { createTestClient } from './dynalite';

/** How a region's probe went in a simulated round. */
export type SimulatedOutcome =
  | 'ok'
  | 'fail'
  | 'slow'
  | 'skip'
  | { ok: boolean; totalMs?: number; tls?: Partial<TlsFacts> };

/** The start of every scenario's simulated clock. */
export const scenarioStartMs = Date.parse('2026-11-02T00:00:00.000Z');

/** A notifier that keeps what it accepted, and can be told to refuse. */
export interface RecordingNotifier extends Notifier {
  sent: LookoutEvent[];
  /** Refuses the next `count` events (as SNS answering 500 after its retries would). */
  refuseNext(count: number): void;
}

/** A notifier that records events, refusing some on demand. */
export function recordingNotifier(): RecordingNotifier {
  let refusals = 0;
  const sent: LookoutEvent[] = [];
  return {
    sent,
    refuseNext(count) {
      refusals += count;
    },
    async publish(event) {
      if (refusals > 0) {
        refusals -= 1;
        throw new Error('refused (simulated)');
      }
      sent.push(event);
    },
  };
}

/** A metrics sink that keeps every datum. */
export function recordingMetrics(): MetricsSink & { datums: MetricDatum[] } {
  const datums: MetricDatum[] = [];
  return {
    datums,
    async putMetrics(batch) {
      datums.push(...batch);
    },
  };
}

/** Options of a scenario. */
export interface ScenarioOptions {
  /** A DynamoDB-protocol endpoint (dynalite, or a fault proxy in front of it). */
  endpoint: string;
  /** A client of `endpoint` to use instead of a new one (to observe its requests). */
  client?: DynamoDBClient;
  tableName: string;
  notifier?: Notifier;
  metrics?: MetricsSink;
  /** Store retries sleep this long (0 keeps tests fast). */
  retrySleepMs?: number;
}

/**
 * The real evaluator and sweep over the real DynamoDB adapter, with a simulated clock and simulated probe
 * results: what a deployed Lookout does, minute by minute, without waiting for minutes.
 */
export class Scenario {
  nowMs = scenarioStartMs;
  readonly monitor: ResolvedMonitor;
  readonly store: LookoutStore;
  readonly notifier: Notifier;
  readonly metrics: MetricsSink;
  private probeIndex = 0;

  constructor(declaration: MonitorDeclaration, options: ScenarioOptions) {
    const validation = validateMonitor(declaration);
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    this.monitor = validation.monitor;
    this.store = createDynamoDbStore({
      client: options.client ?? createTestClient(options.endpoint),
      tableName: options.tableName,
      checks: this.monitor.checks,
      sleep: async () => {},
    });
    this.notifier = options.notifier ?? recordingNotifier();
    this.metrics = options.metrics ?? recordingMetrics();
  }

  /** Evaluation dependencies for one evaluator (`owner` tells concurrent ones apart). */
  deps(owner = 'evaluator-1'): EvaluationDeps {
    return {
      monitor: this.monitor,
      store: this.store,
      notifier: this.notifier,
      metrics: this.metrics,
      owner,
      now: () => this.nowMs,
    };
  }

  check(id: string): ResolvedCheck {
    const check = this.monitor.checks.find((candidate) => candidate.id === id);
    if (check === undefined) throw new Error(`no check ${id}`);
    return check;
  }

  /** Simulated results of one round of a check at the current time, one per region (unless skipped). */
  results(checkId: string, outcomes: (region: string) => SimulatedOutcome): StoredResult[] {
    const check = this.check(checkId);
    return check.regions.flatMap((region) => {
      const outcome = outcomes(region);
      if (outcome === 'skip') return [];
      this.probeIndex += 1;
      return [
        {
          result: simulatedResult(check, region, this.nowMs + this.probeIndex, outcome),
          roundAtMs: this.nowMs,
        },
      ];
    });
  }

  /** Writes a round's results and evaluates them as the stream would, then advances the clock by `advanceMs`. */
  async round(
    checkId: string,
    outcomes: (region: string) => SimulatedOutcome,
    options: { advanceMs?: number; evaluators?: number } = {},
  ): Promise<void> {
    const results = this.results(checkId, outcomes);
    await this.store.putResults(results, this.monitor.retentionMs);
    const evaluators = options.evaluators ?? 1;
    await Promise.all(
      Array.from({ length: evaluators }, (_, index) =>
        evaluateNewResults(this.deps(`evaluator-${index + 1}`), results),
      ),
    );
    this.nowMs += options.advanceMs ?? this.check(checkId).intervalMs;
  }

  /** Runs the sweep (by `evaluators` sweepers at once). */
  async sweep(evaluators = 1): Promise<void> {
    await Promise.all(
      Array.from({ length: evaluators }, (_, index) => sweep(this.deps(`sweeper-${index + 1}`))),
    );
  }
}

/** A plausible result: failed ones carry a code, TLS facts come with `tls`. */
export function simulatedResult(
  check: ResolvedCheck,
  region: string,
  startedAtMs: number,
  outcome: Exclude<SimulatedOutcome, 'skip'>,
): ProbeResult {
  const ok = outcome === 'ok' || outcome === 'slow' || (typeof outcome === 'object' && outcome.ok);
  const totalMs = typeof outcome === 'object' ? (outcome.totalMs ?? 120) : outcome === 'slow' ? 2_500 : 120;
  const degraded = ok && check.degradedLatencyMs !== undefined && totalMs > check.degradedLatencyMs;
  const tls = typeof outcome === 'object' && outcome.tls ? tlsFacts(outcome.tls) : undefined;
  return {
    checkId: check.id,
    kind: check.kind,
    region,
    target: checkTarget(check),
    startedAt: new Date(startedAtMs).toISOString(),
    ok,
    degraded,
    totalMs,
    phases: { dnsMs: 5, connectMs: 20, tlsMs: 30, ttfbMs: totalMs - 60, transferMs: 5 },
    ...(ok ? { status: 200 } : {}),
    assertions: [],
    attempt: 1,
    ...(ok
      ? {}
      : {
          error: {
            code: 'CONNECT_TIMEOUT' as const,
            message: 'connecting took longer than 10s',
            phase: 'connect' as const,
          },
        }),
    ...(tls === undefined ? {} : { tls }),
  };
}

function tlsFacts(facts: Partial<TlsFacts>): TlsFacts {
  return {
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2026-12-01T00:00:00.000Z',
    daysUntilExpiry: 30,
    issuer: 'CN=Test CA',
    subject: 'CN=api.example.com',
    subjectAltNames: ['DNS:api.example.com'],
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    keyExchange: 'X25519',
    fingerprint256: 'AA:BB',
    trusted: true,
    hostnameVerified: true,
    ...facts,
  };
}

/** Three regions, the default for scenarios. */
export const threeRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** A monitor of one HTTP check in three regions, with `extra` merged into the check. */
export function oneCheckMonitor(
  extra: Record<string, unknown> = {},
  monitorExtra: Partial<MonitorDeclaration> = {},
): MonitorDeclaration {
  return {
    homeRegion: 'us-east-1',
    regions: threeRegions,
    ...monitorExtra,
    checks: [
      {
        kind: 'http',
        id: 'orders-api',
        url: 'https://api.example.com/health',
        ...extra,
      } as MonitorDeclaration['checks'][number],
    ],
  };
}

/** The events of a kind and type. */
export function eventsOf(
  events: readonly LookoutEvent[],
  kind: LookoutEvent['kind'],
  type?: LookoutEvent['type'],
): LookoutEvent[] {
  return events.filter((event) => event.kind === kind && (type === undefined || event.type === type));
}
