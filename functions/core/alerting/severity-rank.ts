import type { Severity } from './alert-kind';

const ranks: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** Whether `candidate` is more urgent than `current` (anything is more urgent than nothing). */
export function isMoreSevere(candidate: Severity, current: Severity | undefined): boolean {
  return current === undefined || ranks[candidate] > ranks[current];
}
