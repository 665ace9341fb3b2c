import { setPriority } from 'node:os';

/** The scheduling priority (nice value) the bench gives its own processes when it may. */
const benchNice = -10;

/**
 * Raises a bench process's scheduling priority (nice −10) when the bench runs as root, and says whether it did.
 * The bench gives it to every process it measures alike (the target, both engines, the load driver), so that other
 * work on a shared machine disturbs the figures less without favouring either engine.
 */
export function raisePriority(pid = process.pid): boolean {
  try {
    setPriority(pid, benchNice);
    return true;
  } catch {
    return false;
  }
}
