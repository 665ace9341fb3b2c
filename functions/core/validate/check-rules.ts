import { quote } from '../assertions/describe-value';
import { type CheckKind, checkKinds, usesTls } from '../check-kinds';
import { maximumRetries } from '../declare/defaults';
import { formatDurationMs } from '../declare/duration';
import { localRegion } from '../declare/regions';
import { isOneOf } from '../declare/vocabulary';
import { type CertificateDaysFacts, validateAlertPolicy } from './alert-policy-rules';
import { type AssertionCheckFacts, validateAssertion } from './assertion-rules';
import { validateInterval, validatePositiveDuration } from './duration-rules';
import { validateHeartbeatCheck } from './heartbeat-check-rules';
import { validateHttpCheck } from './http-check-rules';
import { validateRegionList } from './region-rules';
import { type UnknownRecord, validateWholeNumber } from './rule-helpers';
import { validateSlo } from './slo-rules';
import { validateTcpCheck } from './tcp-check-rules';
import { validateTlsCheck } from './tls-check-rules';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** A check id: lowercase letters, digits and dashes, 1 to 63 characters, not starting or ending with a dash. */
export const checkIdPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The rules of each kind's own fields, by kind: a new kind without its rules is a type error. */
const kindRules: Record<
  CheckKind,
  (report: ReportProblem, path: PathSegment[], check: UnknownRecord) => void
> = {
  http: validateHttpCheck,
  tcp: validateTcpCheck,
  tls: validateTlsCheck,
  heartbeat: validateHeartbeatCheck,
};

/** What the checks inherit from the monitor, as far as it is valid. */
export interface MonitorFacts {
  /** The monitor's probe regions (its `regions`, else its home region). */
  regions: readonly string[];
  /** `defaults.interval` (else 1m) in milliseconds; `undefined` when the default is invalid. */
  defaultIntervalMs: number | undefined;
  /** `defaults.timeout` (else 10s) in milliseconds; `undefined` when the default is invalid. */
  defaultTimeoutMs: number | undefined;
  /** `defaults.alert.regionsToFail` when it is set and valid. */
  defaultRegionsToFail: number | undefined;
  /** The certificate thresholds of `defaults.alert` (else the built-in ones), as far as they are valid. */
  certificateDays: CertificateDaysFacts;
}

/** Reports everything wrong with one check. `path` is `['checks', index]`. */
export function validateCheck(
  report: ReportProblem,
  path: PathSegment[],
  check: UnknownRecord,
  monitor: MonitorFacts,
): void {
  const at = (...keys: PathSegment[]): PathSegment[] => [...path, ...keys];
  if (typeof check.id === 'string' && !checkIdPattern.test(check.id)) {
    report(
      at('id'),
      `id ${quote(check.id)} must be 1 to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit`,
    );
  }
  if (typeof check.name === 'string' && check.name.trim() === '') {
    report(at('name'), 'name is empty; leave it out to use the id');
  }
  if (check.kind === 'heartbeat') {
    // One region, `'ping'`, and its own timing (period and grace): only the rules that apply to it.
    validateHeartbeatCheck(report, path, check);
    validateSlo(report, at('slo'), check.slo);
    validateAlertPolicy(
      report,
      at('alert'),
      check.alert,
      1,
      "the heartbeat's one region",
      monitor.certificateDays,
    );
    return;
  }
  const regionCount = validateRegionList(report, at('regions'), check.regions, {
    // 'local' is always allowed: a check placed only there runs on developers' machines, never in AWS.
    within: [...new Set([...monitor.regions, localRegion])],
    fallback: "the monitor's regions",
  });
  validateInheritedRegionsToFail(report, path, check, regionCount, monitor);
  const { timeoutMs } = validateTiming(report, path, check, monitor);
  validateWholeNumber(report, at('retries'), check.retries, { min: 0, max: maximumRetries });

  const degradedMs = validatePositiveDuration(report, at('degradedLatency'), check.degradedLatency);
  if (degradedMs !== undefined && timeoutMs !== undefined && degradedMs >= timeoutMs) {
    report(
      at('degradedLatency'),
      `degradedLatency ${String(check.degradedLatency)} is not below the timeout ${formatDurationMs(timeoutMs)}; a probe that slow times out instead`,
    );
  }
  validateSlo(report, at('slo'), check.slo);
  const effectiveRegionCount = check.regions === undefined ? new Set(monitor.regions).size : regionCount;
  validateAlertPolicy(
    report,
    at('alert'),
    check.alert,
    effectiveRegionCount,
    "the check's regions",
    monitor.certificateDays,
  );

  if (!isOneOf(check.kind, checkKinds)) return;
  kindRules[check.kind](report, path, check);
  const facts: AssertionCheckFacts = {
    kind: check.kind,
    usesTls: usesTls({ kind: check.kind, url: check.url }),
  };
  if (Array.isArray(check.assert)) {
    check.assert.forEach((assertion, index) => {
      validateAssertion(report, at('assert', index), assertion, facts);
    });
  }
}

/** Checks interval and timeout, on their own and against each other. Returns the effective timeout. */
function validateTiming(
  report: ReportProblem,
  path: PathSegment[],
  check: UnknownRecord,
  monitor: MonitorFacts,
): { timeoutMs: number | undefined } {
  const ownInterval = check.interval !== undefined;
  const ownTimeout = check.timeout !== undefined;
  const intervalMs = ownInterval
    ? validateInterval(report, [...path, 'interval'], check.interval)
    : monitor.defaultIntervalMs;
  const timeoutMs = ownTimeout
    ? validatePositiveDuration(report, [...path, 'timeout'], check.timeout)
    : monitor.defaultTimeoutMs;
  if (intervalMs === undefined || timeoutMs === undefined || timeoutMs <= intervalMs) return { timeoutMs };
  if (ownTimeout) {
    report(
      [...path, 'timeout'],
      `timeout ${String(check.timeout)} is longer than the interval ${formatDurationMs(intervalMs)}; a probe must finish before the next one starts`,
    );
  } else if (ownInterval) {
    report(
      [...path, 'interval'],
      `interval ${String(check.interval)} is shorter than the default timeout ${formatDurationMs(timeoutMs)}; also set a timeout of at most ${String(check.interval)}`,
    );
  }
  return { timeoutMs };
}

/** A check with its own, shorter region list cannot inherit a larger `defaults.alert.regionsToFail`. */
function validateInheritedRegionsToFail(
  report: ReportProblem,
  path: PathSegment[],
  check: UnknownRecord,
  regionCount: number | undefined,
  monitor: MonitorFacts,
): void {
  const inherited = monitor.defaultRegionsToFail;
  const ownRegionsToFail = (check.alert as { regionsToFail?: unknown } | undefined)?.regionsToFail;
  if (inherited === undefined || regionCount === undefined || ownRegionsToFail !== undefined) return;
  if (regionCount >= inherited) return;
  const regionsPath = [...path, 'regions'];
  report(
    regionsPath,
    `${fieldLabel(regionsPath)} lists ${regionCount} region(s), fewer than defaults.alert.regionsToFail ${inherited}; set alert.regionsToFail for this check`,
  );
}
