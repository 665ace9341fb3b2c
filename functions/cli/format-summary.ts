import type { ProbeResult } from '../core/probe-result';
import type { Palette } from './terminal-colors';

/** One line: how many checks ran from where, how many passed (and of those, were degraded) and failed. */
export function formatSummary(results: readonly ProbeResult[], region: string, palette: Palette): string {
  const failed = results.filter((result) => !result.ok).length;
  const passed = results.length - failed;
  const degraded = results.filter((result) => result.ok && result.degraded).length;
  const checks = `${results.length} ${results.length === 1 ? 'check' : 'checks'} from ${region}`;
  const passedText =
    palette.green(`${passed} passed`) + (degraded > 0 ? palette.yellow(` (${degraded} degraded)`) : '');
  const failedText = failed > 0 ? palette.red(`${failed} failed`) : `${failed} failed`;
  return `${checks}: ${passedText}, ${failedText}\n`;
}
