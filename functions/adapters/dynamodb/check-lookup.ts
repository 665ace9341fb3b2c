import type { ResolvedCheck } from '../../core/resolve/resolved-monitor';

/** The declared check of an id, when the monitor has it: what compact result items leave out. */
export type CheckLookup = (checkId: string) => ResolvedCheck | undefined;

/** Finds checks by id among `checks` (a map, built once). */
export function checkLookup(checks: readonly ResolvedCheck[]): CheckLookup {
  const byId = new Map(checks.map((check) => [check.id, check]));
  return (checkId) => byId.get(checkId);
}
