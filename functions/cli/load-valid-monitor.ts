import { formatProblems, type ResolvedCheck, type ResolvedMonitor, validateMonitor } from '../core';
import type { CliIo } from './cli-io';
import { loadMonitorModule } from './load-monitor';
import { selectChecks } from './select-checks';

/**
 * Loads the config module, validates it and selects `onlyIds`; on any problem writes every one of them to
 * stderr and returns undefined (the command exits with 2).
 */
export async function loadValidMonitor(
  configModule: string | undefined,
  onlyIds: readonly string[] | undefined,
  io: CliIo,
): Promise<{ monitor: ResolvedMonitor; checks: ResolvedCheck[] } | undefined> {
  const loaded = await loadMonitorModule(configModule, io.cwd);
  if (!loaded.ok) {
    io.stderr.write(`lookout: ${loaded.message}\n`);
    return undefined;
  }
  const validation = validateMonitor(loaded.declaration);
  if (!validation.ok) {
    const count = validation.problems.length;
    io.stderr.write(`lookout: ${loaded.modulePath} has ${count} ${count === 1 ? 'problem' : 'problems'}:\n`);
    io.stderr.write(`${formatProblems(validation.problems).trimEnd()}\n`);
    return undefined;
  }
  const selection = selectChecks(validation.monitor.checks, onlyIds ? [...onlyIds] : undefined);
  if (!selection.ok) {
    io.stderr.write(
      `lookout: --only names unknown check ids: ${selection.unknownIds.join(', ')}\n` +
        `known ids: ${selection.knownIds.join(', ') || '(none)'}\n`,
    );
    return undefined;
  }
  return { monitor: validation.monitor, checks: selection.checks };
}
