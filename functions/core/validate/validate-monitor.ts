import type { MonitorDeclaration } from '../declare/declarations';
import { normalizeMonitor } from '../resolve/normalize-monitor';
import type { ResolvedMonitor } from '../resolve/resolved-monitor';
import { validateMonitorRules } from './monitor-rules';
import { structuralProblems } from './structural-problems';
import { formatPath, type PathSegment, type RawProblem, type ValidationProblem } from './validation-problem';

/** The verdict on a declaration: the resolved monitor, or every problem found. */
export type MonitorValidation =
  | { ok: true; monitor: ResolvedMonitor }
  | { ok: false; problems: ValidationProblem[] };

/**
 * Validates a monitor declaration (from `defineMonitor`, or parsed JSON) and, when it is valid,
 * normalizes it: every default filled in, every duration in milliseconds, and an implicit
 * `status < 400` assertion on HTTP checks that assert no status. Collects every problem rather
 * than stopping at the first, each with its check id, field path and a reason. Never throws.
 */
export function validateMonitor(input: unknown): MonitorValidation {
  const rawProblems: RawProblem[] = structuralProblems(input);
  validateMonitorRules((path, message) => rawProblems.push({ path, message }), input);
  if (rawProblems.length === 0) return normalizeValidated(input as MonitorDeclaration);
  const problems = orderByCheck(rawProblems).map((problem) => finishProblem(problem, input));
  return { ok: false, problems };
}

/** Monitor-level problems first, then each check's, in declaration order (a stable sort). */
function orderByCheck(problems: RawProblem[]): RawProblem[] {
  const checkIndex = (path: PathSegment[]) =>
    path[0] === 'checks' && typeof path[1] === 'number' ? path[1] : -1;
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => checkIndex(a.problem.path) - checkIndex(b.problem.path) || a.order - b.order)
    .map(({ problem }) => problem);
}

function finishProblem(problem: RawProblem, input: unknown): ValidationProblem {
  const checkId = checkIdAt(problem.path, input);
  return {
    ...(checkId === undefined ? {} : { checkId }),
    path: formatPath(problem.path),
    message: problem.message,
  };
}

function checkIdAt(path: PathSegment[], input: unknown): string | undefined {
  if (path[0] !== 'checks' || typeof path[1] !== 'number') return undefined;
  const checks = (input as { checks?: unknown } | null | undefined)?.checks;
  if (!Array.isArray(checks)) return undefined;
  const id = (checks[path[1]] as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function normalizeValidated(declaration: MonitorDeclaration): MonitorValidation {
  try {
    return { ok: true, monitor: normalizeMonitor(declaration) };
  } catch (error) {
    // A rule missed something normalization needs: report it rather than throw.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', message: `the declaration could not be normalized: ${reason}` }],
    };
  }
}
