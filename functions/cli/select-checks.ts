import type { ResolvedCheck } from '../core/resolve/resolved-monitor';

/** The checks `--only` kept, or the ids it named that do not exist. */
export type CheckSelection =
  | { ok: true; checks: ResolvedCheck[] }
  | { ok: false; unknownIds: string[]; knownIds: string[] };

/**
 * Keeps the checks whose ids are listed, in declaration order.
 * With no list every check is kept; an id that matches no check makes the selection fail.
 */
export function selectChecks(
  checks: readonly ResolvedCheck[],
  onlyIds: readonly string[] | undefined,
): CheckSelection {
  if (onlyIds === undefined) return { ok: true, checks: [...checks] };
  const knownIds = checks.map((check) => check.id);
  const unknownIds = [...new Set(onlyIds)].filter((id) => !knownIds.includes(id));
  if (unknownIds.length > 0) return { ok: false, unknownIds, knownIds };
  const wanted = new Set(onlyIds);
  return { ok: true, checks: checks.filter((check) => wanted.has(check.id)) };
}
