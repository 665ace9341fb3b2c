import { evaluateAssertions } from '../core/assertions/evaluate-assertions';
import type { Observation } from '../core/assertions/observation';
import { checkTarget } from '../core/check-target';
import type { Assertion, AssertionOutcome } from '../core/declare/assertion';
import type { ErrorCode, PhaseTimings, ProbeError, ProbeResult } from '../core/probe-result';
import type { ResolvedCheck } from '../core/resolve/resolved-monitor';
import type { ConnectionSettings } from './connection-settings';
import { Deadline } from './deadline';
import { systemResolver } from './host-resolver';
import type { ProbeContext } from './probe-context';
import { ProbeFailure } from './probe-failure';
import { newTrace, type ProbeTrace, roundMs, roundPhases, totalPhases } from './probe-trace';
import { type ProbeObservation, prepareProbe } from './probers';

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
export async function probeCheck(check: ResolvedCheck, context: ProbeContext): Promise<ProbeResult> {
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

async function attempt(
  check: ResolvedCheck,
  context: ProbeContext,
  attemptNumber: number,
): Promise<ProbeResult> {
  const startedAtMs = context.now();
  const settings: ConnectionSettings = {
    nowMs: startedAtMs,
    resolveHost: context.resolveHost ?? systemResolver,
  };
  const trace = newTrace();
  let observed: ProbeObservation = {};
  let error: ProbeError | undefined;
  let totalMs = 0;
  try {
    const probe = await prepareProbe(check, context);
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
    }
  } catch (caught) {
    error = toProbeError(caught);
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
    ...(observed.status === undefined ? {} : { status: observed.status }),
    ...bodyFacts(observed),
    ...(trace.redirects.length > 0 ? { redirects: trace.redirects } : {}),
    ...(trace.remoteAddress === undefined ? {} : { remoteAddress: trace.remoteAddress }),
    assertions,
    ...(trace.tls ? { tls: trace.tls } : {}),
    attempt: attemptNumber,
    ...(error ? { error } : {}),
  };
}

function assertionsOf(check: ResolvedCheck): Assertion[] {
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

function bodyFacts(observed: ProbeObservation): Pick<ProbeResult, 'bytesRead' | 'bodyTruncated'> {
  if (observed.body)
    return { bytesRead: observed.body.length, bodyTruncated: observed.bodyTruncated ?? false };
  if (observed.bytesRead !== undefined) return { bytesRead: observed.bytesRead };
  return {};
}

function assertionError(failed: AssertionOutcome[]): ProbeError {
  const message = failed.map((outcome) => outcome.message).join('; ');
  return {
    code: 'ASSERTION_FAILED',
    message: failed.length === 1 ? message : `${failed.length} assertions failed: ${message}`,
  };
}

function toProbeError(caught: unknown): ProbeError {
  if (caught instanceof ProbeFailure) {
    return { code: caught.code, message: caught.message, ...(caught.phase ? { phase: caught.phase } : {}) };
  }
  const message = caught instanceof Error ? caught.message : String(caught);
  return { code: 'INTERNAL', message: `internal error in the probe engine: ${message}` };
}
