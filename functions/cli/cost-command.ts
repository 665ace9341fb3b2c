import { estimateCost } from '../core/cost/estimate-cost';
import { deployedMonitor } from '../core/resolve/monitor-variants';
import type { CliIo, ExitCode } from './cli-io';
import { formatCostTable } from './format-cost-table';
import { loadValidMonitor } from './load-valid-monitor';

/** The options of `lookout cost`. */
export interface CostCommandOptions {
  /**
   * The config module, relative to the current directory.
   * @default 'checks/index.ts'
   */
  configModule?: string;
  /**
   * Print the estimate as JSON instead of a table.
   * @default false
   */
  json?: boolean;
}

/**
 * `lookout cost`: loads and validates the monitor and prints the monthly estimate of deploying it (checks placed
 * only in `'local'` left out). Returns 0, or 2 when the monitor could not be loaded or is invalid.
 */
export async function runCostCommand(options: CostCommandOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadValidMonitor(options.configModule, undefined, io);
  if (loaded === undefined) return 2;
  const estimate = estimateCost(deployedMonitor(loaded.monitor));
  io.stdout.write(
    options.json === true ? `${JSON.stringify(estimate, null, 2)}\n` : formatCostTable(estimate),
  );
  return 0;
}
