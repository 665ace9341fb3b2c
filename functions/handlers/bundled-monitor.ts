import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledMonitorFileName, readBundledMonitor } from '../core/contract/monitor-format';
import { describeError } from '../core/lookout-error';
import type { ResolvedMonitor } from '../core/resolve/resolved-monitor';

/**
 * The monitor this function runs: `monitor.json` beside the bundle's `index.js`, which infra wrote at synth from
 * the validated, resolved monitor (core/contract/monitor-format.ts). Only its format version and shape are
 * checked here, so that no validation library loads at cold start. Throws, naming the file, when it is missing,
 * is not JSON, or was written for another format version.
 *
 * @param directory where the file is
 * @default the directory of the running bundle (`__dirname` of its `index.js`)
 */
export function loadBundledMonitor(directory: string = __dirname): ResolvedMonitor {
  const path = join(directory, bundledMonitorFileName);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `no monitor in this bundle: ${path} could not be read (${describeError(error)}); infra writes it at synth`,
    );
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${describeError(error)}`);
  }
  return readBundledMonitor(content, path);
}
