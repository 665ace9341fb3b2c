import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { onExitStop } from './cleanup';
import { withTimeout } from './with-timeout';

const startTimeoutMs = 20_000;

/** A running Lookout `/probe` endpoint (bench/lookout-probe-server.ts). */
export interface LookoutProcess {
  /** Such as `http://127.0.0.1:41237`. */
  origin: string;
  /** Its process id (for /proc/<pid>/stat). */
  pid: number;
  /** Stops it. */
  stop: () => void;
}

/**
 * Bundles bench/lookout-probe-server.ts with esbuild (CommonJS, node24, as the probe Lambda's bundle is built;
 * minified, no source maps) into `<workDir>/lookout-probe-server.cjs`; returns its path.
 */
export async function bundleLookoutProbeServer(workDir: string): Promise<string> {
  const outfile = join(workDir, 'lookout-probe-server.cjs');
  await build({
    entryPoints: [new URL('./lookout-probe-server.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    minify: true,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the Lookout /probe server exited early (code ${code})`)));
  });
}

/**
 * Starts the bundled `/probe` server on 127.0.0.1 with plain `node` (this process's), trusting `caPath` for https
 * targets. It exits when its stdin closes, so it also stops if the bench is killed outright.
 */
export async function startLookout(bundlePath: string, caPath: string): Promise<LookoutProcess> {
  const child = spawn(process.execPath, [bundlePath, caPath], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stop = () => {
    child.stdin?.end();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const unregister = onExitStop(stop);
  try {
    const port = await withTimeout(readPort(child), startTimeoutMs, 'starting the Lookout /probe server');
    return {
      origin: `http://127.0.0.1:${port}`,
      pid: child.pid ?? -1,
      stop: () => {
        unregister();
        stop();
      },
    };
  } catch (error) {
    unregister();
    stop();
    throw error;
  }
}
