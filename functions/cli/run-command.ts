import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { openLocalStore } from '../adapters/dynamodb/local-store';
import { createLocalSecretResolver } from '../adapters/secrets/local-secret-resolver';
import type { LookoutEvent } from '../core/alerting/lookout-event';
import { checkTarget } from '../core/check-target';
import type { LookoutStore } from '../core/ports/lookout-store';
import type { StoredResult } from '../core/ports/stored-result';
import { localizeMonitor } from '../core/resolve/monitor-variants';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { LocalMonitor } from '../runtime/local-monitor';
import {
  type PingDeps,
  PingRateLimiter,
  type PingRequestIn,
  type PingResponse,
  recordPing,
} from '../runtime/record-ping';
import { type CheckView, checkStateLabel } from './check-view';
import type { CliIo, ExitCode } from './cli-io';
import { lockDataDir } from './data-dir-lock';
import { formatAlertLine } from './format-live-view';
import { LiveView } from './live-view';
import { loadValidMonitor } from './load-valid-monitor';
import { createLocalNotifier } from './local-notifier';
import { localStatusPageData } from './local-status-page';
import { type StatusServer, startStatusServer } from './status-server';
import { createPalette, shouldUseColor } from './terminal-colors';

/** The port the local status page listens on, on 127.0.0.1. */
export const defaultStatusPort = 4319;

/** The options of `lookout run`. */
export interface RunCommandOptions {
  /** @default 'checks/index.ts' */
  configModule?: string;
  /** @default every check */
  onlyIds?: string[];
  /** @default 4319 */
  port?: number;
  /** POST each alert's JSON event here. @default undefined */
  webhookUrl?: string;
  /** @default '.lookout' */
  dataDir?: string;
}

/**
 * `lookout run` (`npm start`): the local monitor. Probes the checks from this machine on their intervals into
 * the embedded store, evaluates them with the same evaluator as AWS, shows a live view, prints alerts (and
 * POSTs them to a webhook), and serves the status page (the same page, `status.json`, badges and feed as the
 * deployed one, from the local store) on 127.0.0.1 until `io.stopRequested` resolves.
 */
export async function runRunCommand(options: RunCommandOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadValidMonitor(options.configModule, options.onlyIds, io);
  if (loaded === undefined) return 2;
  const monitor = localizeMonitor({ ...loaded.monitor, checks: loaded.checks });
  const palette = createPalette(shouldUseColor(io.stdout.isTTY === true, io.env));
  const view = new LiveView(io.stdout, palette);
  const dataDir = resolve(io.cwd, options.dataDir ?? '.lookout');
  // The embedded store (LevelDB) allows one process per directory; another endpoint needs no lock.
  const locked = io.env.LOOKOUT_DYNAMODB_ENDPOINT ? undefined : lockDataDir(dataDir);
  if (locked?.ok === false) {
    io.stderr.write(`lookout: ${locked.message}\n`);
    return 2;
  }
  const views = new Map<string, CheckView>(monitor.checks.map((check) => [check.id, emptyView(check)]));
  let store: LookoutStore | undefined;
  const pageData = localStatusPageData(() => {
    if (store === undefined) throw new Error('the local store is not open yet');
    return store;
  }, monitor);
  let server: StatusServer;
  // Pings reach the engine once it runs; until then the endpoint answers 503 and records nothing.
  let engineRef: { ping: (request: PingRequestIn) => Promise<PingResponse> } | undefined;
  try {
    server = await startStatusServer(options.port ?? defaultStatusPort, pageData, {
      ping: (request) =>
        engineRef === undefined ? Promise.reject(new Error('not started yet')) : engineRef.ping(request),
    });
  } catch (error) {
    locked?.lock.release();
    const port = options.port ?? defaultStatusPort;
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    io.stderr.write(
      inUse
        ? `lookout: cannot serve the status page on 127.0.0.1:${port}: the port is in use (another lookout run?); pick another with --port, and give a second lookout run its own --data-dir\n`
        : `lookout: cannot serve the status page on 127.0.0.1:${port} (${String(error)}); pick another with --port\n`,
    );
    return 2;
  }
  const local = await openLocalStore(dataDir, io.env.LOOKOUT_DYNAMODB_ENDPOINT);
  store = local.store;
  const alerts = createLocalNotifier({
    print: (event: LookoutEvent) => view.print(formatAlertLine(event, palette)),
    notice: (line) => view.print(palette.yellow(line)),
    ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
  });
  view.print(
    palette.bold(`Lookout: probing ${countOf(monitor.checks.length, 'check')} from this machine`) +
      palette.dim(` · status page ${server.url} · data in ${dataDir} · Ctrl-C stops`),
  );
  // After a round, only its checks changed; after a sweep (no results), any may have.
  const refresh = async (results: readonly StoredResult[]) => {
    const changed = new Set(results.map((stored) => stored.result.checkId));
    const checks =
      changed.size === 0 ? monitor.checks : monitor.checks.filter((check) => changed.has(check.id));
    await refreshViews(local.store, checks, views);
    view.render([...views.values()]);
  };
  const engine = new LocalMonitor({
    monitor,
    store: local.store,
    notifier: alerts.notifier,
    metrics: { putMetrics: async () => {} },
    owner: randomUUID(),
    now: Date.now,
    resolveSecret: createLocalSecretResolver(io.env),
    onChange: refresh,
    log: (entry) => {
      if (entry.level !== 'info')
        view.print(palette.yellow(`${entry.level}: ${entry.message} ${String(entry.error ?? '')}`));
    },
  });
  const pingDeps: PingDeps = {
    monitor,
    store: local.store,
    resolveSecret: createLocalSecretResolver(io.env),
    limiter: new PingRateLimiter(),
    now: Date.now,
    onRecorded: (results) => engine.evaluate(results),
  };
  engineRef = { ping: (request) => recordPing(pingDeps, request) };
  const stopRequested = io.stopRequested ?? new Promise<void>(() => {});
  await Promise.race([engine.start(), stopRequested]);
  await stopRequested;
  view.print(palette.dim('stopping: no new probes; waiting for those in flight…'));
  await engine.stop();
  const undelivered = await alerts.close();
  await server.close();
  await local.close();
  locked?.lock.release();
  view.close();
  if (undelivered !== undefined) view.print(palette.yellow(undelivered));
  view.print(palette.dim(`stopped; results and alert state are kept in ${dataDir}`));
  return 0;
}

/** `1 check`, `5 checks`. */
function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function emptyView(check: ResolvedCheck): CheckView {
  return { id: check.id, name: check.name, target: checkTarget(check), state: 'PENDING', firing: [] };
}

async function refreshViews(
  store: LookoutStore,
  checks: readonly ResolvedCheck[],
  views: Map<string, CheckView>,
) {
  await Promise.all(
    checks.map(async (check) => {
      const [latest, alerts] = await Promise.all([
        store.latestResults(check.id, Date.now() - 3 * check.intervalMs - check.timeoutMs),
        store.alertStates(check.id),
      ]);
      const lastResult = latest
        .map((stored) => stored.result)
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
        .at(-1);
      views.set(check.id, {
        ...emptyView(check),
        state: checkStateLabel(lastResult, alerts),
        ...(lastResult === undefined ? {} : { lastResult }),
        firing: alerts.filter((alert) => alert.status === 'firing').map((alert) => alert.key),
      });
    }),
  );
}
