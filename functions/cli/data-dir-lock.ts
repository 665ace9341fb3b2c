import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a data directory that says which process uses it: its process id. */
export const lockFileName = 'lookout.pid';

/** A data directory taken by this process, until `release`. */
export interface DataDirLock {
  /** Gives the directory back (removes the lock file); also done when the process exits. */
  release(): void;
}

/** Taking a data directory: the lock, or why not, as a sentence for the user. */
export type DataDirLockOutcome = { ok: true; lock: DataDirLock } | { ok: false; message: string };

/**
 * Takes `dataDir` for this process, so that a second `lookout run` on the same directory stops with a clear
 * message before its embedded store (LevelDB, which allows one process) fails. The lock is a file holding
 * the owner's process id, created exclusively; a file left by a process that no longer runs (killed, crashed)
 * is taken over.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLockOutcome {
  const path = join(dataDir, lockFileName);
  const inUse = (holder: number | undefined): DataDirLockOutcome => ({
    ok: false,
    message: `data directory ${dataDir} is in use by another lookout run${holder === undefined ? '' : ` (process ${holder})`}; stop it or pass --data-dir`,
  });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(path, `${pid}\n`, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        return {
          ok: false,
          message: `cannot use data directory ${dataDir} (${code ?? String(error)}); pass another with --data-dir`,
        };
      }
      const holder = readHolder(path);
      if (holder !== undefined && holder !== pid && isRunning(holder)) return inUse(holder);
      removeQuietly(path);
      continue;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      if (readHolder(path) === pid) removeQuietly(path);
    };
    process.on('exit', release);
    return { ok: true, lock: { release } };
  }
  // Another process took the stale file over between our two attempts.
  return inUse(readHolder(path));
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs (one of another user counts: signalling it is merely not allowed). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
