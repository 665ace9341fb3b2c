import { createLocalSecretResolver } from '../adapters/secrets/local-secret-resolver';
import { localRegion } from '../core';
import { isProbedKind } from '../core/check-kinds';
import type { ProbeResult } from '../core/probe-result';
import type { ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import { runChecks } from '../probe';
import type { CliIo, ExitCode } from './cli-io';
import { formatResultsTable } from './format-results-table';
import { formatSummary } from './format-summary';
import { loadValidMonitor } from './load-valid-monitor';
import { createPalette, shouldUseColor } from './terminal-colors';

/** How many probes `lookout check` runs at once. */
export const localConcurrency = 20;

/** The options of `lookout check`. */
export interface CheckCommandOptions {
  /**
   * The config module, relative to the current directory.
   * @default 'checks/index.ts'
   */
  configModule?: string;
  /**
   * Only these check ids.
   * @default undefined (every check)
   */
  onlyIds?: string[];
  /**
   * Print `{ "results": [...] }` instead of a table.
   * @default false
   */
  json?: boolean;
}

/**
 * `lookout check`: loads and validates the monitor, probes each (selected) check once from this
 * machine, whatever regions it declares, and prints the results.
 * Returns 0 when every check passed, 1 when any failed, 2 when the checks could not be run.
 */
export async function runCheckCommand(options: CheckCommandOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadValidMonitor(options.configModule, options.onlyIds, io);
  if (loaded === undefined) return 2;
  // A heartbeat is not probed: its results are the pings it receives (`lookout run` serves the ping endpoint).
  const probed = loaded.checks.filter((check): check is ResolvedProbedCheck => isProbedKind(check.kind));
  const results = await runChecks(probed, {
    region: localRegion,
    now: Date.now,
    resolveSecret: createLocalSecretResolver(io.env),
    concurrency: localConcurrency,
  });
  printResults(results, options.json === true, io);
  return results.every((result) => result.ok) ? 0 : 1;
}

function printResults(results: readonly ProbeResult[], json: boolean, io: CliIo): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
    return;
  }
  const palette = createPalette(shouldUseColor(io.stdout.isTTY === true, io.env));
  io.stdout.write(formatResultsTable(results, palette));
  io.stdout.write(`\n${formatSummary(results, localRegion, palette)}`);
}
