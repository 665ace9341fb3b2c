import type { RegexSource } from './assertion';

/**
 * A regular expression as a builder accepts it: a `RegExp` literal (`/ok/i`), a pattern string (`'^2..$'`, as
 * `new RegExp` reads it), or one already kept as data.
 */
export type RegexInput = RegExp | RegexSource | string;

/**
 * Turns a `RegExp` or a pattern string into plain data that survives JSON; a `RegexSource` is copied with its
 * flags defaulted.
 */
export function toRegexSource(regex: RegexInput): RegexSource {
  if (regex instanceof RegExp) return { pattern: regex.source, flags: regex.flags };
  if (typeof regex === 'string') return { pattern: regex, flags: '' };
  return { pattern: regex.pattern, flags: regex.flags ?? '' };
}

/**
 * The target of a `matches`/`notMatches` assertion: `toRegexSource` of what the builder was given, or, when
 * it is none of a `RegExp`, a string or a `RegexSource` (JavaScript without types), the value itself, for
 * validation to say what `matches()` takes.
 */
export function regexTarget(regex: RegexInput): RegexSource {
  const usable = regex instanceof RegExp || typeof regex === 'string' || isRegexSource(regex);
  return usable ? toRegexSource(regex) : (regex as RegexSource);
}

/** Whether a value has the shape of a `RegexSource` (a string pattern, and string flags if any). */
export function isRegexSource(value: unknown): value is RegexSource {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { pattern, flags } = value as { pattern?: unknown; flags?: unknown };
  return typeof pattern === 'string' && (flags === undefined || typeof flags === 'string');
}

/** The result of compiling a `RegexSource`: the `RegExp`, or why it does not compile. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; reason: string };

/**
 * Compiles a `RegexSource`. The stateful flags `g` and `y` are dropped, so that testing the same
 * expression twice gives the same answer. Never throws.
 */
export function compileRegex(source: RegexSource): CompiledRegex {
  try {
    const flags = (source.flags ?? '').replace(/[gy]/g, '');
    return { ok: true, regex: new RegExp(source.pattern, flags) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Formats a `RegexSource` the way it is written in code: `/pattern/flags`. */
export function formatRegex(source: RegexSource): string {
  return `/${source.pattern}/${source.flags ?? ''}`;
}
