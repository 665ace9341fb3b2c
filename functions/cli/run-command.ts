import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { openLocalStore } from '../adapters/dynamodb/local-store';
import { chainNotifiers } from '../adapters/notifiers/chain-notifiers';
import { createTerminalNotifier } from '../adapters/notifiers/terminal-notifier';
import { createWebhookNotifier } from '../adapters/notifiers/webhook-notifier';
import { createLocalSecretResolver } from '../adapters/secrets/local-secret-resolver';
import type { LookoutEvent } from '../core/alerting/lookout-event';
import { checkTarget } from '../core/check-target';
import type { LookoutStore } from '../core/ports/lookout-store';
import type { StoredResult } from '../core/ports/stored-result';
import { localizeMonitor } from '../core/resolve/monitor-variants';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import { LocalMonitor } from '../runtime/local-monitor';
import { type CheckView, checkStateLabel } from './check-view';
import type { CliIo, ExitCode } from './cli-io';
import { formatAlertLine } from './format-live-view';
import { LiveView } from './live-view';
import { loadValidMonitor } from './load-valid-monitor';
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
 * POSTs them to a webhook), and serves a status page on 127.0.0.1 until `io.stopRequested` resolves.
 */
export async function runRunCommand(options: RunCommandOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadValidMonitor(options.configModule, options.onlyIds, io);
  if (loaded === undefined) return 2;
  const monitor = localizeMonitor({ ...loaded.monitor, checks: loaded.checks });
  const palette = createPalette(shouldUseColor(io.stdout.isTTY === true, io.env));
  const view = new LiveView(io.stdout, palette);
  const dataDir = resolve(io.cwd, options.dataDir ?? '.lookout');
  const views = new Map<string, CheckView>(monitor.checks.map((check) => [check.id, emptyView(check)]));
  let server: StatusServer;
  try {
    server = await startStatusServer(options.port ?? defaultStatusPort, () => [...views.values()]);
  } catch (error) {
    io.stderr.write(
      `lookout: cannot serve the status page on 127.0.0.1:${options.port ?? defaultStatusPort} (${String(error)}); pick another with --port\n`,
    );
    return 2;
  }
  const local = await openLocalStore(dataDir, io.env.LOOKOUT_DYNAMODB_ENDPOINT);
  const printAlert = (event: LookoutEvent) => view.print(formatAlertLine(event, palette));
  const terminal = createTerminalNotifier(printAlert);
  const notifier = options.webhookUrl
    ? chainNotifiers([createWebhookNotifier(options.webhookUrl), terminal])
    : terminal;
  view.print(
    palette.bold(`Lookout: probing ${monitor.checks.length} checks from this machine`) +
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
    notifier,
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
  await engine.start();
  await (io.stopRequested ?? new Promise<void>(() => {}));
  view.print(palette.dim('stopping: waiting for probes in flight…'));
  await engine.stop();
  await server.close();
  await local.close();
  view.print(palette.dim(`stopped; results and alert state are kept in ${dataDir}`));
  return 0;
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
