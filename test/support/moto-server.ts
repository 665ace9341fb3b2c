import { type ChildProcess, spawn } from 'node:child_process';
import { closedPort } from './closed-port';

/** A moto_server started on 127.0.0.1 for one test file. */
export interface MotoServer {
  /** Such as `http://127.0.0.1:40123`: every AWS service moto emulates answers here. */
  readonly endpoint: string;
  /** Forgets every resource (moto's `/moto-api/reset`). */
  reset(): Promise<void>;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `moto_server` (moto 5, preinstalled on this project's machines) on a free loopback port and waits until
 * it answers. Every request the SDK sends to it stays on 127.0.0.1.
 */
export async function startMotoServer(timeoutMs = 30_000): Promise<MotoServer> {
  const port = await closedPort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const deadlineMs = Date.now() + timeoutMs;
  while (!(await answers(`${endpoint}/moto-api/`))) {
    if (child.exitCode !== null || Date.now() > deadlineMs) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start on ${endpoint}: ${stderr.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset answered ${response.status}`);
    },
    stop: () => stopChild(child),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
