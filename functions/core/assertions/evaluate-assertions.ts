import { query } from 'jsonpath-rfc9535';
import type { Assertion, AssertionOutcome, AssertionTarget, LatencyPhase } from '../declare/assertion';
import { parseDurationMs } from '../declare/duration';
import { compareValues, type Observed } from './compare-values';
import { describeExpectation, formatJsonValue, formatNumber, type TargetUnit } from './describe-expectation';
import { quote } from './describe-value';
import type { Observation } from './observation';

/** The longest string kept as an outcome's `actual`. */
export const longestActualText = 200;

/** What one source showed for one assertion, ready to compare. */
interface Reading {
  /** How the observed value is named in a message: `status 503`, `header content-type missing`. */
  seen: string;
  /** The value the comparison looks at, or that there was none. */
  observed: Observed;
  /** What is reported as the outcome's `actual`. */
  actual: unknown;
  /** The unit targets are shown in. */
  unit: TargetUnit;
  /** Every value a JSONPath selected, when it selected several: `contains` looks among them. */
  allMatches?: unknown[];
}

/** A source that could not be read at all, such as a body that is not JSON. */
interface Unreadable {
  /** Why, as the start of the outcome's message. */
  reason: string;
  /** What is reported as the outcome's `actual`. */
  actual: unknown;
}

/**
 * Judges each assertion against what a probe observed, in order. Each outcome says whether it
 * held, what was seen (`actual`, strings cut to 200 characters) and a sentence with expected and
 * actual (`status 503, expected less than 400`). Never throws.
 */
export function evaluateAssertions(
  assertions: readonly Assertion[],
  observation: Observation,
): AssertionOutcome[] {
  const jsonBody = parseOnce(observation.body);
  return assertions.map((assertion) => {
    try {
      return evaluateAssertion(assertion, observation, jsonBody);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        assertion,
        passed: false,
        actual: null,
        message: `${assertion.source} could not be judged: ${reason}`,
      };
    }
  });
}

function evaluateAssertion(
  assertion: Assertion,
  observation: Observation,
  jsonBody: () => ParsedBody,
): AssertionOutcome {
  const reading = read(assertion, observation, jsonBody);
  const target = comparableTarget(assertion);
  const expectation = describeExpectation(
    assertion.comparison,
    target,
    'unit' in reading ? reading.unit : undefined,
  );
  if ('reason' in reading) {
    return {
      assertion,
      passed: false,
      actual: toActual(reading.actual),
      message: `${reading.reason}, expected ${expectation}`,
    };
  }
  const looksAmongMatches =
    reading.allMatches !== undefined &&
    (assertion.comparison === 'contains' || assertion.comparison === 'notContains');
  const judged = looksAmongMatches ? amongMatches(assertion, reading.allMatches ?? []) : reading;
  const result = compareValues(assertion.comparison, judged.observed, target);
  const problem = 'problem' in result ? `; the assertion cannot be judged: ${result.problem}` : '';
  return {
    assertion,
    passed: result.passed,
    actual: toActual(judged.actual),
    message: `${judged.seen}, expected ${expectation}${problem}`,
  };
}

/** Latency targets written as durations (`'800ms'`) compare as milliseconds. */
function comparableTarget(assertion: Assertion): AssertionTarget | undefined {
  if (assertion.source === 'latency' && typeof assertion.target === 'string') {
    return parseDurationMs(assertion.target) ?? assertion.target;
  }
  return assertion.target;
}

function read(
  assertion: Assertion,
  observation: Observation,
  jsonBody: () => ParsedBody,
): Reading | Unreadable {
  switch (assertion.source) {
    case 'status':
      return observation.status === undefined
        ? absent('status missing (no HTTP response)')
        : present(`status ${observation.status}`, observation.status);
    case 'header':
      return readHeader(assertion.property ?? '', observation);
    case 'body':
      return observation.body === undefined
        ? absent('body missing')
        : present(`body ${quote(observation.body)}`, observation.body);
    case 'jsonBody':
      return readJsonBody(assertion.property ?? '$', observation, jsonBody());
    case 'latency':
      return readLatency(assertion.property, observation);
    case 'certificate':
      return readCertificate(observation);
    default:
      return { reason: `the source ${quote(String(assertion.source))} is unknown`, actual: null };
  }
}

function present(seen: string, value: unknown, unit?: TargetUnit): Reading {
  return { seen, observed: { present: true, value }, actual: value, unit };
}

function absent(seen: string, unit?: TargetUnit): Reading {
  return { seen, observed: { present: false }, actual: null, unit };
}

function readHeader(name: string, observation: Observation): Reading {
  const wanted = name.toLowerCase();
  const entry = Object.entries(observation.headers ?? {}).find(([key]) => key.toLowerCase() === wanted);
  return entry === undefined
    ? absent(`header ${wanted} missing`)
    : present(`header ${wanted} is ${quote(entry[1])}`, entry[1]);
}

/** The body parsed as JSON, or why it could not be. */
type ParsedBody = { kind: 'json'; document: unknown } | { kind: 'absent' } | { kind: 'notJson' };

/** Parses the body as JSON at most once, however many assertions read it, and only if one does. */
function parseOnce(body: string | undefined): () => ParsedBody {
  let parsed: ParsedBody | undefined;
  return () => {
    if (parsed) return parsed;
    if (body === undefined) parsed = { kind: 'absent' };
    else {
      try {
        parsed = { kind: 'json', document: JSON.parse(body) };
      } catch {
        parsed = { kind: 'notJson' };
      }
    }
    return parsed;
  };
}

function readJsonBody(path: string, observation: Observation, parsed: ParsedBody): Reading | Unreadable {
  if (parsed.kind === 'absent') return { reason: `${path} cannot be read: there is no body`, actual: null };
  if (parsed.kind === 'notJson') {
    const cutOff = observation.bodyTruncated
      ? ' (it was cut off at maxBodyBytes; raise maxBodyBytes to read all of it)'
      : '';
    return { reason: `${path} cannot be read: the body is not JSON${cutOff}`, actual: observation.body };
  }
  let matches: unknown[];
  try {
    matches = query(parsed.document as Parameters<typeof query>[0], path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { reason: `${path} is not a valid JSONPath (${reason})`, actual: null };
  }
  if (matches.length === 0) return absent(`${path} not found${lengthHint(path, parsed.document)}`);
  const first = present(`${path} is ${formatJsonValue(matches[0])}`, matches[0]);
  if (matches.length === 1) return first;
  // Several matches: equality and ordering look at the first; contains looks among all of them.
  return { ...first, seen: `${first.seen} (the first of ${matches.length} matches)`, allMatches: matches };
}

/**
 * For a path ending in `.length` that matched nothing: JSONPath has no length, so say how to check a list's
 * size instead, when the path before `.length` selects a list (or a string).
 */
function lengthHint(path: string, document: unknown): string {
  const parentPath = /^(.+)(?:\.length|\['length'\]|\["length"\])$/.exec(path.trim())?.[1];
  if (parentPath === undefined) return '';
  let parent: unknown;
  try {
    parent = query(document as Parameters<typeof query>[0], parentPath)[0];
  } catch {
    return '';
  }
  if (typeof parent === 'string') {
    return ` (JSONPath has no .length; ${parentPath} is text of ${parent.length} characters: compare it with equals or matches)`;
  }
  if (!Array.isArray(parent)) return '';
  const size = parent.length;
  const atLeast = size === 0 ? '' : `${parentPath}[${size - 1}] exists (${size} or more) or that `;
  return ` (JSONPath has no .length; ${parentPath} is a list of ${size}: to check its size, assert that ${atLeast}${parentPath}[${size}] does not exist (at most ${size}))`;
}

function amongMatches(assertion: Assertion, matches: unknown[]): Reading {
  const seen = `${assertion.property ?? '$'} selects ${formatJsonValue(matches)}`;
  return present(seen, matches);
}

const phaseField: Record<Exclude<LatencyPhase, 'total'>, keyof Observation['phases']> = {
  dns: 'dnsMs',
  connect: 'connectMs',
  tls: 'tlsMs',
  ttfb: 'ttfbMs',
  transfer: 'transferMs',
};

function readLatency(property: string | undefined, observation: Observation): Reading | Unreadable {
  if (property === undefined || property === 'total') {
    return present(`latency ${formatNumber(observation.totalMs)}ms`, observation.totalMs, 'ms');
  }
  const field = phaseField[property as Exclude<LatencyPhase, 'total'>];
  if (field === undefined) return { reason: `latency phase ${quote(property)} is unknown`, actual: null };
  const valueMs = observation.phases[field];
  return present(`latency ${property} ${formatNumber(valueMs)}ms`, valueMs, 'ms');
}

function readCertificate(observation: Observation): Reading {
  const days = observation.certificateDaysUntilExpiry;
  if (days === undefined) return absent('certificate missing (no TLS handshake)', 'days');
  const seen =
    days >= 0
      ? `certificate expires in ${formatNumber(days)} days`
      : `certificate expired ${formatNumber(-days)} days ago`;
  return present(seen, days, 'days');
}

/** An outcome's `actual`: strings cut to 200 characters, objects and arrays as JSON text. */
function toActual(value: unknown): AssertionOutcome['actual'] {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > longestActualText ? `${text.slice(0, longestActualText - 1)}…` : text;
}
