import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The pinned Node.js binary (never the system one). */
export const pinnedNode = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

/** The CLI launcher. */
export const lookoutBin = fileURLToPath(new URL('../../bin/lookout.js', import.meta.url));

/** The declaration builders, by absolute path, for config modules written to temporary directories. */
export const coreIndexPath = fileURLToPath(new URL('../../functions/core/index.ts', import.meta.url));

/** The builders' directory, imported without a file name the way a `checks/` module would. */
export const coreDirPath = fileURLToPath(new URL('../../functions/core', import.meta.url));

/** How a run of the CLI ended. */
export interface LookoutRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/lookout.js <args>` on the pinned Node.js in `cwd`, with only PATH, HOME and `env`
 * in its environment (so that no colour or secret settings leak in from the test runner).
 * Asynchronous, so that servers in the test process keep answering.
 */
export function runLookout(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<LookoutRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(pinnedNode, [lookoutBin, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
