import { type ChildProcess, fork } from 'node:child_process';
import type { BenchCertificates } from './certificates';
import { onExitStop } from './cleanup';
import type { TakeStatsMessage, TargetReadyMessage, TargetStatsMessage } from './target-protocol';
import { withTimeout } from './with-timeout';

const startTimeoutMs = 20_000;
const statsTimeoutMs = 10_000;

/** The running target process. */
export interface Targets {
  /** Such as `http://127.0.0.1:41234`. */
  httpOrigin: string;
  /** Such as `https://127.0.0.1:41235` (certificate signed by the bench CA). */
  httpsOrigin: string;
  /** The process id, for reading its CPU time. */
  pid: number;
  /** The target's counters since the previous call (resets them). */
  takeStats: () => Promise<Omit<TargetStatsMessage, 'type' | 'requestId'>>;
  /** Stops the process. */
  stop: () => void;
}

function waitForReady(child: ChildProcess): Promise<TargetReadyMessage> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`target process exited early (code ${code})`)));
    child.once('error', reject);
    const onMessage = (message: TargetReadyMessage) => {
      if (message.type !== 'ready') return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}

/** Forks target-server.ts (inheriting the tsx loader) and waits until it listens. */
export async function startTargets(certificates: BenchCertificates): Promise<Targets> {
  const script = new URL('./target-server.ts', import.meta.url).pathname;
  const child = fork(script, [certificates.certPath, certificates.keyPath], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const unregister = onExitStop(stop);
  let ready: TargetReadyMessage;
  try {
    ready = await withTimeout(waitForReady(child), startTimeoutMs, 'starting the target process');
  } catch (error) {
    stop();
    throw error;
  }
  let nextRequestId = 1;
  const takeStats = async () => {
    const requestId = nextRequestId++;
    const reply = new Promise<TargetStatsMessage>((resolve) => {
      const onMessage = (message: TargetStatsMessage) => {
        if (message.type !== 'stats' || message.requestId !== requestId) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
    });
    const request: TakeStatsMessage = { type: 'takeStats', requestId };
    child.send(request);
    const { connections, requests, delayOvershootMs } = await withTimeout(
      reply,
      statsTimeoutMs,
      'target stats',
    );
    return { connections, requests, delayOvershootMs };
  };
  return {
    httpOrigin: `http://127.0.0.1:${ready.httpPort}`,
    httpsOrigin: `https://127.0.0.1:${ready.httpsPort}`,
    pid: child.pid ?? -1,
    takeStats,
    stop: () => {
      unregister();
      stop();
    },
  };
}
