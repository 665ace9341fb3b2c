import type { LookoutStore } from '../core/ports/lookout-store';
import type { MetricsSink } from '../core/ports/metrics-sink';
import type { Notifier } from '../core/ports/notifier';
import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';

/** A line for the log: what happened, and structured fields. Never carries a secret value. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/** What the evaluator and the sweep work with; handlers and the local monitor build it. */
export interface EvaluationDeps {
  monitor: ResolvedMonitor;
  store: LookoutStore;
  notifier: Notifier;
  metrics: MetricsSink;
  /** Who delivers notifications, for delivery leases: unique per process or invocation. */
  owner: string;
  /** The wall clock, epoch milliseconds. */
  now: () => number;
  /**
   * A link to the dashboard, put in every event.
   * @default undefined
   */
  dashboardUrl?: string;
  /**
   * Where log lines go.
   * @default nowhere
   */
  log?: (entry: LogEntry) => void;
}

/** How long a claimed delivery may take before another evaluator may take it over. */
export const deliveryLeaseMs = 120_000;
