import { evaluateAssertions } from '../core/assertions/evaluate-assertions';
import type { Observation } from '../core/assertions/observation';
import { checkTarget } from '../core/check-target';
import type { Assertion, AssertionOutcome } from '../core/declare/assertion';
import type {
  ErrorCode,
  ErrorPhase,
  PhaseTimings,
  ProbeError,
  ProbePhase,
  ProbeResult,
} from '../core/probe-result';
import type { ResolvedProbedCheck } from '../core/resolve/resolved-monitor';
import { admitProbe } from './admission';
import type { ConnectionSettings } from './connection-settings';
import { Deadline } from './deadline';
import { watchEventLoop } from './event-loop-delay';
import { systemResolver } from './host-resolver';
import type { ProbeContext } from './probe-context';
import { ProbeFailure } from './probe-failure';
import { newTrace, type ProbeTrace, roundMs, roundPhases, totalPhases } from './probe-trace';
import { type ProbeObservation, prepareProbe } from './probers';
import { warmUpEngine } from './warm-up';

/** Failures worth another attempt at once: the network's, not the target's verdict. */
const retriableCodes: ReadonlySet<ErrorCode> = new Set([
  'DNS_FAILURE',
  'CONNECT_REFUSED',
  'CONNECT_TIMEOUT',
  'CONNECTION_RESET',
  'TIMEOUT',
  'TLS_HANDSHAKE_FAILED',
  'PROTOCOL_ERROR',
]);

/**
 * Probes one check once, retrying network failures up to `check.retries` times.
 * Never rejects for a target's failure: the result carries it.
 */
export async function probeCheck(check: ResolvedProbedCheck, context: ProbeContext): Promise<ProbeResult> {
  await warmUpEngine(warmUpAttempt);
  let result = await attempt(check, context, 1);
  while (
    !result.ok &&
    result.attempt <= check.retries &&
    result.error &&
    retriableCodes.has(result.error.code)
  ) {
    result = await attempt(check, context, result.attempt + 1);
  }
  return result;
}

/** One attempt, as the warm-up runs it (its result thrown away). */
const warmUpAttempt = (check: ResolvedProbedCheck, context: ProbeContext) => attempt(check, context, 1);

async function attempt(
  check: ResolvedProbedCheck,
  context: ProbeContext,
  attemptNumber: number,
): Promise<ProbeResult> {
  let startedAtMs = context.now();
  const trace = newTrace();
  let observed: ProbeObservation = {};
  let error: ProbeError | undefined;
  let totalMs = 0;
  let eventLoopDelayMs = 0;
  try {
    const probe = await prepareProbe(check, context);
    const release = await admitProbe();
    try {
      await eventLoopSettled();
      startedAtMs = context.now();
      const settings: ConnectionSettings = {
        nowMs: startedAtMs,
        resolveHost: context.resolveHost ?? systemResolver,
      };
      const stopWatching = watchEventLoop();
      const deadline = new Deadline(check.timeoutMs);
      try {
        observed = await probe(deadline, trace, settings);
        // The outcome was known at `endedAt`; closing the connection after that is not latency.
        totalMs = (trace.endedAt ?? performance.now()) - deadline.startedAtMs;
      } catch (failure) {
        totalMs = deadline.elapsedMs();
        throw failure;
      } finally {
        deadline.dispose();
        eventLoopDelayMs = stopWatching();
      }
    } finally {
      release();
    }
  } catch (caught) {
    error = toProbeError(caught, trace);
  }
  const phases = totalPhases(trace);
  const assertions = error
    ? []
    : evaluateAssertions(assertionsOf(check), observationOf(observed, trace, phases, totalMs));
  const failed = assertions.filter((outcome) => !outcome.passed);
  if (!error && failed.length > 0) error = assertionError(failed);
  return {
    checkId: check.id,
    kind: check.kind,
    region: context.region,
    target: checkTarget(check),
    startedAt: new Date(startedAtMs).toISOString(),
    ok: error === undefined,
    degraded:
      error === undefined && check.degradedLatencyMs !== undefined && totalMs > check.degradedLatencyMs,
    totalMs: roundMs(totalMs),
    phases: roundPhases(phases),
    eventLoopDelayMs: Math.round(eventLoopDelayMs * 10) / 10,
    ...responseFacts(trace),
    ...(trace.redirects.length > 0 ? { redirects: trace.redirects } : {}),
    ...(trace.remoteAddress === undefined ? {} : { remoteAddress: trace.remoteAddress }),
    assertions,
    ...(trace.tls ? { tls: trace.tls } : {}),
    attempt: attemptNumber,
    ...(error ? { error } : {}),
  };
}

/**
 * Resolves after the event loop has run what preparing the probe left queued (a secure context's or the warm-up's
 * callbacks and the collection of their garbage): the probe's clock then starts on a quiet loop. Measured: without
 * it, the first HTTPS probe after the warm-up read ~1 ms more `connectMs` than a warm one.
 */
async function eventLoopSettled(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function assertionsOf(check: ResolvedProbedCheck): Assertion[] {
  if (check.kind !== 'tls' || check.minDaysValid <= 0) return check.assertions;
  const minimumValidity: Assertion = {
    source: 'certificate',
    property: 'daysUntilExpiry',
    comparison: 'greaterThanOrEqual',
    target: check.minDaysValid,
  };
  return [...check.assertions, minimumValidity];
}

function observationOf(
  observed: ProbeObservation,
  trace: ProbeTrace,
  phases: PhaseTimings,
  totalMs: number,
): Observation {
  const body = observed.body?.toString('utf8') ?? observed.reply;
  return {
    ...(observed.status === undefined ? {} : { status: observed.status }),
    ...(observed.headers === undefined ? {} : { headers: observed.headers }),
    ...(body === undefined ? {} : { body }),
    ...(observed.bodyTruncated === undefined ? {} : { bodyTruncated: observed.bodyTruncated }),
    totalMs,
    phases,
    ...(trace.tls ? { certificateDaysUntilExpiry: trace.tls.daysUntilExpiry } : {}),
  };
}

/** What the response (or reply) showed, whether the probe passed or failed after it began. */
function responseFacts(
  trace: ProbeTrace,
): Pick<
  ProbeResult,
  'status' | 'httpVersion' | 'bytesRead' | 'contentEncoding' | 'decodedBytes' | 'bodyTruncated'
> {
  const { response, bytesRead } = trace;
  return {
    ...(response?.status === undefined ? {} : { status: response.status }),
    ...(response === undefined ? {} : { httpVersion: response.httpVersion }),
    ...(bytesRead === undefined ? {} : { bytesRead }),
    ...(response?.contentEncoding === undefined
      ? {}
      : { contentEncoding: response.contentEncoding, decodedBytes: response.decodedBytes ?? 0 }),
    ...(response?.status === undefined ? {} : { bodyTruncated: response.bodyTruncated ?? false }),
  };
}

/** The phase that showed what each assertion source judges. */
const assertionPhases: Record<Assertion['source'], ProbePhase> = {
  status: 'ttfb',
  header: 'ttfb',
  body: 'transfer',
  jsonBody: 'transfer',
  certificate: 'tls',
  latency: 'transfer',
};

function assertionError(failed: AssertionOutcome[]): ProbeError {
  const message = failed.map((outcome) => outcome.message).join('; ');
  return {
    code: 'ASSERTION_FAILED',
    message: failed.length === 1 ? message : `${failed.length} assertions failed: ${message}`,
    phase: earliestPhase(failed.map((outcome) => assertionPhase(outcome.assertion))),
  };
}

/** A latency assertion on one phase belongs to it; on the total, to the last phase. */
function assertionPhase(assertion: Assertion): ProbePhase {
  if (assertion.source === 'latency' && assertion.property !== undefined) {
    const phase = assertion.property.replace(/Ms$/, '');
    if (isProbePhase(phase)) return phase;
  }
  return assertionPhases[assertion.source];
}

const phaseOrder: readonly ProbePhase[] = ['dns', 'connect', 'tls', 'ttfb', 'transfer'];

function isProbePhase(value: string): value is ProbePhase {
  return (phaseOrder as readonly string[]).includes(value);
}

function earliestPhase(phases: ProbePhase[]): ProbePhase {
  return phaseOrder.find((phase) => phases.includes(phase)) ?? 'transfer';
}

function toProbeError(caught: unknown, trace: ProbeTrace): ProbeError {
  if (caught instanceof ProbeFailure) {
    return { code: caught.code, message: caught.message, phase: caught.phase };
  }
  const message = caught instanceof Error ? caught.message : String(caught);
  return {
    code: 'INTERNAL',
    message: `internal error in the probe engine: ${message}`,
    phase: phaseReached(trace),
  };
}

/** The last phase the attempt spent time in, or `setup` before the first. */
function phaseReached(trace: ProbeTrace): ErrorPhase {
  const phases = totalPhases(trace);
  const reached = phaseOrder.filter((phase) => phases[`${phase}Ms`] > 0);
  return reached.at(-1) ?? 'setup';
}
