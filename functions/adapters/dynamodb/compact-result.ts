import type { CheckKind } from '../../core/check-kinds';
import { checkTarget } from '../../core/check-target';
import type { Assertion, AssertionOutcome } from '../../core/declare/assertion';
import { dayMs } from '../../core/declare/duration';
import type { StoredResult } from '../../core/ports/stored-result';
import type {
  ErrorCode,
  PhaseTimings,
  ProbeError,
  ProbeResult,
  RedirectHop,
  TlsFacts,
} from '../../core/probe-result';
import type { ResolvedCheck } from '../../core/resolve/resolved-monitor';
import { usualAssertionMessage } from './assertion-message';

/** Phase latencies, in the order of `PhaseTimings`: dns, connect, tls, ttfb, transfer. */
type CompactPhases = [number, number, number, number, number];

/**
 * An assertion's outcome: the index of the assertion in the check's declared (resolved) `assertions`, or the
 * assertion itself when the check does not declare it; 1 when it passed, else 0; the actual value; the message
 * when it failed, or is not the usual one (`usualAssertionMessage`). A result read after a deploy changed its
 * check's assertions gets the new assertion at its index (its stored messages stay its own).
 */
type CompactOutcome =
  | [assertion: number | Assertion, passed: 0 | 1, actual: AssertionOutcome['actual']]
  | [assertion: number | Assertion, passed: 0 | 1, actual: AssertionOutcome['actual'], message: string];

/** TLS facts: dates in epoch seconds, the fingerprint in base64, flags as bits. */
interface CompactTls {
  /** validFrom: epoch seconds, or the ISO text when it is not a whole second. */
  f: number | string;
  /** validTo: the same. */
  t: number | string;
  /** daysUntilExpiry, only when it is not `(validTo − startedAt) / 1 day` to the hundredth. */
  d?: number;
  /** issuer. */
  i: string;
  /** subject. */
  s: string;
  /** subjectAltNames. */
  n: string[];
  /** protocol. */
  p: string;
  /** cipher. */
  c: string;
  /** keyExchange. */
  k: string;
  /** fingerprint256 as base64, when it is colon-separated hex; else `H` holds it as given. */
  h?: string;
  H?: string;
  /** 1: trusted, 2: hostnameVerified. */
  v: number;
  /** authorizationError. */
  e?: string;
}

/**
 * A ProbeResult as a result item stores it (the item's `c` attribute, as JSON): what the item's key says (check
 * id, region, start), what the check says (kind, target, each assertion) and what is derivable (days until
 * expiry) are left out; latencies are rounded to 0.1 ms (the network measures no finer), certificate days to
 * 0.01. An HTTPS result with TLS facts and three assertions takes about 450 bytes, so its item fits in one write
 * unit (1 KB).
 */
export interface CompactResult {
  /** ok (1), degraded (2), bodyTruncated true (4), bodyTruncated false (8). */
  f: number;
  /** startedAt − roundAtMs, milliseconds, when not 0. */
  d?: number;
  /** totalMs. */
  t: number;
  /** Phases. */
  p: CompactPhases;
  /** eventLoopDelayMs, to 0.1 ms, when the result has it. */
  l?: number;
  /** status. */
  s?: number;
  /** bytesRead. */
  b?: number;
  /** remoteAddress. */
  a?: string;
  /** redirects: url, status, location (or 0), phases. */
  r?: [string, number, string | 0, CompactPhases][];
  /** Assertion outcomes. */
  x?: CompactOutcome[];
  /** TLS facts. */
  c?: CompactTls;
  /** attempt, when not 1. */
  n?: number;
  /** error: code, message, phase. */
  e?: [ErrorCode, string] | [ErrorCode, string, NonNullable<ProbeError['phase']>];
  /** kind, when the check does not say it. */
  k?: CheckKind;
  /** target, when it is not the check's. */
  u?: string;
  /** startedAt as given, when it is not the canonical ISO text of the key. */
  z?: string;
  /** Every other field of the result, as it is (fields this form does not name yet). */
  o?: Record<string, unknown>;
}

/** The fields of a ProbeResult the compact form names. */
const namedFields = new Set<string>([
  'checkId',
  'kind',
  'region',
  'target',
  'startedAt',
  'ok',
  'degraded',
  'totalMs',
  'phases',
  'eventLoopDelayMs',
  'status',
  'bytesRead',
  'bodyTruncated',
  'redirects',
  'remoteAddress',
  'assertions',
  'tls',
  'attempt',
  'error',
] satisfies (keyof ProbeResult)[]);

/** Where a stored result's key puts it. */
export interface ResultPlace {
  checkId: string;
  region: string;
  /** The canonical ISO start, as in the sort key. */
  startedAtIso: string;
}

/** Rounds a latency to what is measured: 0.1 ms. */
export function tenthMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Rounds certificate days to 0.01, as the engine measures them. */
export function hundredthDay(days: number): number {
  return Math.round(days * 100) / 100;
}

/** The compact form of a stored result; `check` is the declared check it is a result of, when known. */
export function toCompactResult(
  stored: StoredResult,
  place: ResultPlace,
  check: ResolvedCheck | undefined,
): CompactResult {
  const { result, roundAtMs } = stored;
  const startedAtMs = Date.parse(place.startedAtIso);
  const compact: CompactResult = {
    f:
      (result.ok ? 1 : 0) |
      (result.degraded ? 2 : 0) |
      (result.bodyTruncated === true ? 4 : 0) |
      (result.bodyTruncated === false ? 8 : 0),
    t: tenthMs(result.totalMs),
    p: compactPhases(result.phases),
  };
  if (startedAtMs !== roundAtMs) compact.d = startedAtMs - roundAtMs;
  if (result.eventLoopDelayMs !== undefined) compact.l = tenthMs(result.eventLoopDelayMs);
  if (result.status !== undefined) compact.s = result.status;
  if (result.bytesRead !== undefined) compact.b = result.bytesRead;
  if (result.remoteAddress !== undefined) compact.a = result.remoteAddress;
  if (result.redirects !== undefined) {
    compact.r = result.redirects.map((hop) => [
      hop.url,
      hop.status,
      hop.location ?? 0,
      compactPhases(hop.phases),
    ]);
  }
  if (result.assertions.length > 0) {
    compact.x = result.assertions.map((outcome, position) => compactOutcome(outcome, position, check));
  }
  if (result.tls !== undefined) compact.c = compactTls(result.tls, startedAtMs);
  if (result.attempt !== 1) compact.n = result.attempt;
  if (result.error !== undefined) {
    const { code, message, phase } = result.error;
    compact.e = phase === undefined ? [code, message] : [code, message, phase];
  }
  if (check?.kind !== result.kind) compact.k = result.kind;
  if (check === undefined || checkTarget(check) !== result.target) compact.u = result.target;
  if (result.startedAt !== place.startedAtIso) compact.z = result.startedAt;
  const others = Object.entries(result).filter(
    ([name, value]) => !namedFields.has(name) && value !== undefined,
  );
  if (others.length > 0) compact.o = Object.fromEntries(others);
  return compact;
}

/** The stored result a compact form stands for; `check` is the declared check, needed unless the form is whole. */
export function fromCompactResult(
  compact: CompactResult,
  place: ResultPlace,
  check: ResolvedCheck | undefined,
): StoredResult {
  const startedAtMs = Date.parse(place.startedAtIso);
  const kind = compact.k ?? check?.kind;
  const target = compact.u ?? (check === undefined ? undefined : checkTarget(check));
  if (kind === undefined || target === undefined) {
    throw new Error(`the result of ${place.checkId} cannot be read: the check is not in this monitor`);
  }
  const result: ProbeResult = {
    ...compact.o,
    checkId: place.checkId,
    kind,
    region: place.region,
    target,
    startedAt: compact.z ?? place.startedAtIso,
    ok: (compact.f & 1) !== 0,
    degraded: (compact.f & 2) !== 0,
    totalMs: compact.t,
    phases: phasesOf(compact.p),
    ...(compact.l === undefined ? {} : { eventLoopDelayMs: compact.l }),
    ...(compact.s === undefined ? {} : { status: compact.s }),
    ...(compact.b === undefined ? {} : { bytesRead: compact.b }),
    ...((compact.f & 12) === 0 ? {} : { bodyTruncated: (compact.f & 4) !== 0 }),
    ...(compact.r === undefined ? {} : { redirects: compact.r.map(hopOf) }),
    ...(compact.a === undefined ? {} : { remoteAddress: compact.a }),
    assertions: (compact.x ?? []).map((outcome) => outcomeOf(outcome, place, check)),
    ...(compact.c === undefined ? {} : { tls: tlsOf(compact.c, startedAtMs) }),
    attempt: compact.n ?? 1,
    ...(compact.e === undefined
      ? {}
      : {
          error: {
            code: compact.e[0],
            message: compact.e[1],
            ...(compact.e[2] === undefined ? {} : { phase: compact.e[2] }),
          },
        }),
  };
  return { result, roundAtMs: startedAtMs - (compact.d ?? 0) };
}

function compactPhases(phases: PhaseTimings): CompactPhases {
  return [
    tenthMs(phases.dnsMs),
    tenthMs(phases.connectMs),
    tenthMs(phases.tlsMs),
    tenthMs(phases.ttfbMs),
    tenthMs(phases.transferMs),
  ];
}

function phasesOf([dnsMs, connectMs, tlsMs, ttfbMs, transferMs]: CompactPhases): PhaseTimings {
  return { dnsMs, connectMs, tlsMs, ttfbMs, transferMs };
}

function hopOf([url, status, location, phases]: [string, number, string | 0, CompactPhases]): RedirectHop {
  return { url, status, ...(location === 0 ? {} : { location }), phases: phasesOf(phases) };
}

function compactOutcome(
  outcome: AssertionOutcome,
  position: number,
  check: ResolvedCheck | undefined,
): CompactOutcome {
  const declared = indexOfAssertion(outcome.assertion, position, check);
  const actual =
    outcome.assertion.source === 'latency' && typeof outcome.actual === 'number'
      ? tenthMs(outcome.actual)
      : outcome.actual;
  const passed = outcome.passed ? 1 : 0;
  const assertion = declared ?? outcome.assertion;
  // A failed outcome keeps its message (alerts quote it, and it stays right if a deploy changes the check's
  // assertions before the result is read); a passed one keeps it only when it is not the usual one.
  return outcome.passed && usualAssertionMessage(outcome.assertion, actual) === outcome.message
    ? [assertion, passed, actual]
    : [assertion, passed, actual, outcome.message];
}

/** The index of an outcome's assertion among the check's: its own position when it matches, as it always does. */
function indexOfAssertion(
  assertion: Assertion,
  position: number,
  check: ResolvedCheck | undefined,
): number | undefined {
  if (check === undefined) return undefined;
  const wanted = JSON.stringify(assertion);
  if (JSON.stringify(check.assertions[position]) === wanted) return position;
  const index = check.assertions.findIndex((candidate) => JSON.stringify(candidate) === wanted);
  return index === -1 ? undefined : index;
}

function outcomeOf(
  [reference, passed, actual, message]: CompactOutcome,
  place: ResultPlace,
  check: ResolvedCheck | undefined,
): AssertionOutcome {
  const assertion = typeof reference === 'number' ? check?.assertions[reference] : reference;
  if (assertion === undefined) {
    throw new Error(
      `the result of ${place.checkId} refers to its assertion ${String(reference)}, which the check does not declare`,
    );
  }
  return {
    assertion,
    passed: passed === 1,
    actual,
    message: message ?? usualAssertionMessage(assertion, actual),
  };
}

const colonHex = /^[0-9A-F]{2}(:[0-9A-F]{2})*$/;

function compactTls(tls: TlsFacts, startedAtMs: number): CompactTls {
  const compact: CompactTls = {
    f: compactDate(tls.validFrom),
    t: compactDate(tls.validTo),
    i: tls.issuer,
    s: tls.subject,
    n: tls.subjectAltNames,
    p: tls.protocol,
    c: tls.cipher,
    k: tls.keyExchange,
    v: (tls.trusted ? 1 : 0) | (tls.hostnameVerified ? 2 : 0),
  };
  const days = hundredthDay(tls.daysUntilExpiry);
  if (days !== derivedDays(tls.validTo, startedAtMs)) compact.d = days;
  if (colonHex.test(tls.fingerprint256)) {
    compact.h = Buffer.from(tls.fingerprint256.replaceAll(':', ''), 'hex').toString('base64');
  } else {
    compact.H = tls.fingerprint256;
  }
  if (tls.authorizationError !== undefined) compact.e = tls.authorizationError;
  return compact;
}

function tlsOf(compact: CompactTls, startedAtMs: number): TlsFacts {
  const validTo = dateOf(compact.t);
  return {
    validFrom: dateOf(compact.f),
    validTo,
    daysUntilExpiry: compact.d ?? derivedDays(validTo, startedAtMs),
    issuer: compact.i,
    subject: compact.s,
    subjectAltNames: compact.n,
    protocol: compact.p,
    cipher: compact.c,
    keyExchange: compact.k,
    fingerprint256:
      compact.h === undefined
        ? (compact.H ?? '')
        : (Buffer.from(compact.h, 'base64').toString('hex').toUpperCase().match(/../g)?.join(':') ?? ''),
    trusted: (compact.v & 1) !== 0,
    hostnameVerified: (compact.v & 2) !== 0,
    ...(compact.e === undefined ? {} : { authorizationError: compact.e }),
  };
}

/** Days from the probe's start until `validTo`, to the hundredth, as the engine computes them. */
function derivedDays(validTo: string, startedAtMs: number): number {
  return hundredthDay((Date.parse(validTo) - startedAtMs) / dayMs);
}

function compactDate(iso: string): number | string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms % 1000 === 0 && new Date(ms).toISOString() === iso ? ms / 1000 : iso;
}

function dateOf(date: number | string): string {
  return typeof date === 'number' ? new Date(date * 1000).toISOString() : date;
}
