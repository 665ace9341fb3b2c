/** One thing wrong with a monitor declaration. */
export interface ValidationProblem {
  /** The id of the check the problem is in, when it is inside a check that has a string id. */
  checkId?: string;
  /** Where the problem is, such as `checks[2].timeout`, `regions[1]` or `checks[0].assert[1].property`. */
  path: string;
  /** A sentence a person understands, naming the bad value. */
  message: string;
}

/** One step of a path into a declaration: an object key or an array index. */
export type PathSegment = string | number;

/** A problem before its path is formatted and its check id looked up. */
export interface RawProblem {
  /** Where the problem is, as segments. */
  path: PathSegment[];
  /** A sentence a person understands, naming the bad value. */
  message: string;
}

/** Records a problem at a path. */
export type ReportProblem = (path: PathSegment[], message: string) => void;

const identifierPattern = /^[A-Za-z_$][\w$]*$/;

/** Formats a path as code would write it: `checks[2].timeout`, `checks[0].headers["x-api-key"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let formatted = '';
  for (const segment of path) {
    if (typeof segment === 'number') formatted += `[${segment}]`;
    else if (identifierPattern.test(segment)) formatted += formatted === '' ? segment : `.${segment}`;
    else formatted += `[${JSON.stringify(segment)}]`;
  }
  return formatted;
}

/**
 * How a message names the field at a path: relative to its check when it is inside one
 * (`timeout`, `assert[1].target`), else the whole path (`defaults.interval`, `regions[1]`).
 */
export function fieldLabel(path: readonly PathSegment[]): string {
  const insideCheck = path[0] === 'checks' && typeof path[1] === 'number' && path.length > 2;
  return formatPath(insideCheck ? path.slice(2) : path) || 'the monitor';
}

/** Formats problems one per line: `<checkId or "monitor">: <path>: <reason>`. */
export function formatProblems(problems: readonly ValidationProblem[]): string {
  return problems
    .map((problem) => {
      const owner = problem.checkId ?? 'monitor';
      return problem.path === ''
        ? `${owner}: ${problem.message}`
        : `${owner}: ${problem.path}: ${problem.message}`;
    })
    .join('\n');
}
