import type { ResolvedMonitor } from '../resolve/resolved-monitor';

/**
 * How the resolved monitor travels from the synth to the functions: infra validates and resolves the declaration
 * once, then writes it as `monitor.json` beside each function's `index.js` (a probe function gets only its
 * region's checks). At cold start a handler reads that file and checks only the format version and the shape
 * below: no validation library and no JSONPath parser are loaded, and a monitor of 10,000 checks costs one
 * `JSON.parse` (about 8 MB, tens of milliseconds).
 *
 * Raise `monitorFormatVersion` whenever `ResolvedMonitor` changes in a way an older handler would misread (a field
 * renamed, a unit changed, a meaning changed): a bundle whose file was written by another version then fails at
 * cold start, saying so, instead of running on a monitor it misunderstands.
 */
export const monitorFormatVersion = 1;

/** The file beside each bundle's `index.js`. */
export const bundledMonitorFileName = 'monitor.json';

/** The content of `monitor.json`. */
export interface BundledMonitor {
  /** `monitorFormatVersion` of the Lookout that wrote it. */
  formatVersion: number;
  /** The resolved monitor, as `deployedMonitor` leaves it (and only the region's checks, for a probe). */
  monitor: ResolvedMonitor;
}

/** What infra writes as `monitor.json`. */
export function bundledMonitor(monitor: ResolvedMonitor): BundledMonitor {
  return { formatVersion: monitorFormatVersion, monitor };
}

/** The most shape problems one error lists (a wrong file usually has thousands of the same one). */
const reportedProblems = 5;

/**
 * The monitor in the parsed content of `monitor.json`, after checking its format version and its shape: the
 * fields every handler reads, with their types (not the rules validation applies at synth: that ran already).
 * Throws an error naming `source`, the versions, or the first few fields that are wrong.
 */
export function readBundledMonitor(content: unknown, source: string): ResolvedMonitor {
  if (!isObject(content) || typeof content.formatVersion !== 'number') {
    throw new Error(`${source} is not a Lookout monitor file: it has no formatVersion`);
  }
  if (content.formatVersion !== monitorFormatVersion) {
    throw new Error(
      `${source} has monitor format ${content.formatVersion}, and this function reads format ${monitorFormatVersion}: ` +
        'the bundle was put together from two Lookout versions; synthesize and deploy again',
    );
  }
  const problems = monitorShapeProblems(content.monitor);
  if (problems.length > 0) {
    const more =
      problems.length > reportedProblems ? ` (and ${problems.length - reportedProblems} more)` : '';
    throw new Error(
      `${source} does not hold a resolved monitor of format ${monitorFormatVersion}: ${problems
        .slice(0, reportedProblems)
        .join('; ')}${more}`,
    );
  }
  return content.monitor as ResolvedMonitor;
}

type Expected = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'string[]';

const monitorFields: Record<string, Expected> = {
  homeRegion: 'string',
  regions: 'string[]',
  alerts: 'object',
  retentionMs: 'number',
  maintenance: 'array',
  metrics: 'object',
  checks: 'array',
};

const checkFields: Record<string, Expected> = {
  id: 'string',
  kind: 'string',
  name: 'string',
  regions: 'string[]',
  intervalMs: 'number',
  timeoutMs: 'number',
  retries: 'number',
  assertions: 'array',
  alert: 'object',
  tags: 'string[]',
};

function monitorShapeProblems(monitor: unknown): string[] {
  if (!isObject(monitor)) return ['monitor is not an object'];
  const problems = fieldProblems(monitor, monitorFields, 'monitor');
  if (!Array.isArray(monitor.checks)) return problems;
  monitor.checks.forEach((check: unknown, index) => {
    const path = `monitor.checks[${index}]`;
    if (!isObject(check)) problems.push(`${path} is not an object`);
    else problems.push(...fieldProblems(check, checkFields, path));
  });
  return problems;
}

function fieldProblems(
  value: Record<string, unknown>,
  fields: Record<string, Expected>,
  path: string,
): string[] {
  return Object.entries(fields)
    .filter(([name, expected]) => !hasType(value[name], expected))
    .map(
      ([name, expected]) => `${path}.${name} is not ${expected === 'array' ? 'an array' : `a ${expected}`}`,
    );
}

function hasType(value: unknown, expected: Expected): boolean {
  switch (expected) {
    case 'array':
      return Array.isArray(value);
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'object':
      return isObject(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === expected;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
