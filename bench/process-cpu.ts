import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicksPerSecond: number | undefined;

/** The kernel's clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat times. */
export function clockTicks(): number {
  if (clockTicksPerSecond === undefined) {
    const output = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 }).trim();
    const parsed = Number(output);
    clockTicksPerSecond = Number.isInteger(parsed) && parsed > 0 ? parsed : 100;
  }
  return clockTicksPerSecond;
}

/**
 * CPU seconds (utime + stime) a process has used so far, from /proc/<pid>/stat
 * (resolution: one clock tick, 10 ms at CLK_TCK = 100).
 */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces: field 3 (state) is index 0.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utimeTicks = Number(fields[11]);
  const stimeTicks = Number(fields[12]);
  return (utimeTicks + stimeTicks) / clockTicks();
}

/** CPU seconds (user + system) this process has used so far. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
