import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Where the bench ran. */
export interface MachineInfo {
  /** `nproc`. */
  processors: number;
  /** `model name` from /proc/cpuinfo. */
  cpuModel: string;
  nodeVersion: string;
  opensslVersion: string;
  /** Whether Node's source-map support is on (tsx turns it on): it makes reading an Error's stack dearer. */
  sourceMapsEnabled: boolean;
  /** 1-minute load average when the bench started (other work on the machine skews figures). */
  loadAverageAtStart: number;
  /** 1-minute load average when it ended, once known. */
  loadAverageAtEnd?: number;
  /** The bench ran its processes at nice −10 (bench/priority.ts). */
  raisedPriority?: boolean;
}

/** The 1-minute load average now. */
export function loadAverageNow(): number {
  return loadavg()[0] ?? Number.NaN;
}

function commandOutput(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

/** Describes this machine. */
export function describeMachine(): MachineInfo {
  let cpuModel = 'unknown';
  try {
    cpuModel =
      /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux.
  }
  return {
    processors: Number(commandOutput('nproc', [])) || availableParallelism(),
    cpuModel,
    nodeVersion: process.version,
    opensslVersion: commandOutput('openssl', ['version']) ?? 'unknown',
    sourceMapsEnabled: process.sourceMapsEnabled,
    loadAverageAtStart: loadavg()[0] ?? Number.NaN,
  };
}
