import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { closedPort } from '../test/support/closed-port';
import { onExitStop } from './cleanup';
import { withTimeout } from './with-timeout';

const binaryName = 'prometheus-blackbox-exporter';
const startTimeoutMs = 15_000;
/** The exporter's per-probe timeout (module `timeout`). */
export const blackboxProbeTimeoutSeconds = 10;

/** A running blackbox_exporter. */
export interface BlackboxProcess {
  /** Such as `http://127.0.0.1:41236`. */
  origin: string;
  /** The exporter's own process id (for /proc/<pid>/stat). */
  pid: number;
  /** Such as `0.23.0`. */
  version: string;
  /** Stops the exporter. */
  stop: () => void;
}

/** The path of `prometheus-blackbox-exporter` on PATH, or undefined. */
export function findBlackboxExporter(): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, binaryName);
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore', timeout: 10_000 });
      return candidate;
    } catch {
      // Not here, or not runnable.
    }
  }
  return undefined;
}

/** Debian's package of the exporter. */
const debianPackage = 'prometheus-blackbox-exporter';

/**
 * The exporter's path, installing Debian's package with apt-get first when it is missing and this is root on a
 * machine with apt-get (CI, a fresh machine); otherwise undefined (the bench then runs Lookout alone and says why).
 * The package's service is not started: the bench runs its own exporter on a free loopback port.
 */
export function ensureBlackboxExporter(log: (line: string) => void): string | undefined {
  const found = findBlackboxExporter();
  if (found || process.getuid?.() !== 0) return found;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => {
    try {
      execFileSync('apt-get', args, { stdio: 'pipe', env, timeout: 300_000 });
      return true;
    } catch {
      return false;
    }
  };
  log(`${debianPackage} is not on PATH: installing it with apt-get`);
  if (!apt(['install', '-y', '--no-install-recommends', debianPackage])) {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', debianPackage]);
  }
  return findBlackboxExporter();
}

/** The version the binary reports, such as `0.23.0`. */
export function blackboxVersion(binaryPath: string): string {
  const output = execFileSync(binaryPath, ['--version'], {
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 10_000,
  });
  return /version (\S+)/.exec(output)?.[1] ?? 'unknown';
}

/** Writes a config with an `http` module and an `https` module that trusts `caPath`; returns its path. */
export function writeBlackboxConfig(workDir: string, caPath: string): string {
  const common = [
    '    prober: http',
    `    timeout: ${blackboxProbeTimeoutSeconds}s`,
    '    http:',
    '      preferred_ip_protocol: ip4',
    '      ip_protocol_fallback: false',
  ];
  const config = [
    'modules:',
    '  http:',
    ...common,
    '  https:',
    ...common,
    '      fail_if_not_ssl: true',
    '      tls_config:',
    `        ca_file: ${JSON.stringify(caPath)}`,
    '',
  ].join('\n');
  const configPath = join(workDir, 'blackbox.yml');
  writeFileSync(configPath, config);
  return configPath;
}

/**
 * Runs the exporter under `sh`, which prints the exporter's pid and kills it when its stdin closes:
 * so the exporter also stops if the bench is killed outright.
 */
function spawnUnderWatchdog(binaryPath: string, args: string[], logFd: number): ChildProcess {
  const script = '"$@" & child=$!; echo "$child"; read -r _; kill "$child" 2>/dev/null; wait "$child"';
  return spawn('sh', ['-c', script, 'blackbox-watchdog', binaryPath, ...args], {
    stdio: ['pipe', 'pipe', logFd],
  });
}

function readPid(shell: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    shell.stdout?.setEncoding('utf8');
    shell.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) resolve(Number(line));
    });
    shell.once('exit', () => reject(new Error('blackbox_exporter watchdog exited early')));
  });
}

async function waitUntilHealthy(origin: string, shell: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (shell.exitCode !== null) break;
    try {
      const response = await fetch(`${origin}/-/healthy`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = readFileSync(logPath, 'utf8').slice(-2_000);
  throw new Error(`blackbox_exporter did not become healthy at ${origin}; its log ends with:\n${log}`);
}

/** Starts the exporter on 127.0.0.1 on a free port with `configPath`; logs go to `<workDir>/blackbox.log`. */
export async function startBlackbox(
  binaryPath: string,
  configPath: string,
  workDir: string,
): Promise<BlackboxProcess> {
  const port = await closedPort();
  const logPath = join(workDir, 'blackbox.log');
  const logFd = openSync(logPath, 'w');
  const args = [`--config.file=${configPath}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'];
  const shell = spawnUnderWatchdog(binaryPath, args, logFd);
  closeSync(logFd);
  let exporterPid: number | undefined;
  const stop = () => {
    shell.stdin?.end();
    if (exporterPid !== undefined) {
      try {
        process.kill(exporterPid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  const unregister = onExitStop(stop);
  const origin = `http://127.0.0.1:${port}`;
  try {
    exporterPid = await withTimeout(readPid(shell), startTimeoutMs, 'starting blackbox_exporter');
    await waitUntilHealthy(origin, shell, logPath);
  } catch (error) {
    stop();
    unregister();
    throw error;
  }
  return {
    origin,
    pid: exporterPid,
    version: blackboxVersion(binaryPath),
    stop: () => {
      unregister();
      stop();
    },
  };
}
