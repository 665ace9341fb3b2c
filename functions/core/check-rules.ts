import { type CertificateDaysFacts, checkAlertPolicy } from './alert-policy-rules';
import { type AssertionCheckFacts, checkAssertion } from './assertion-rules';
import { quote } from './describe-value';
import { formatDurationMs } from './duration';
import { checkInterval, checkPositiveDuration } from './duration-rules';
import { checkHttpCheck } from './http-check-rules';
import { checkRegionList } from './region-rules';
import { localRegion } from './regions';
import { checkWholeNumber, type UnknownRecord } from './rule-helpers';
import { checkSlo } from './slo-rules';
import { checkTcpCheck } from './tcp-check-rules';
import { checkTlsCheck } from './tls-check-rules';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';
import { checkKinds, isOneOf } from './vocabulary';

/** A check id: lowercase letters, digits and dashes, 1 to 63 characters, not starting or ending with a dash. */
export const checkIdPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The most retries a check may make within one run. */
export const maximumRetries = 5;

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
export function checkCheck(
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
  const regionCount = checkRegionList(report, at('regions'), check.regions, {
    // 'local' is always allowed: a check placed only there runs on developers' machines, never in AWS.
    within: [...new Set([...monitor.regions, localRegion])],
    fallback: "the monitor's regions",
  });
  checkInheritedRegionsToFail(report, path, check, regionCount, monitor);
  const { timeoutMs } = checkTiming(report, path, check, monitor);
  checkWholeNumber(report, at('retries'), check.retries, { min: 0, max: maximumRetries });

  const degradedMs = checkPositiveDuration(report, at('degradedLatency'), check.degradedLatency);
  if (degradedMs !== undefined && timeoutMs !== undefined && degradedMs >= timeoutMs) {
    report(
      at('degradedLatency'),
      `degradedLatency ${String(check.degradedLatency)} is not below the timeout ${formatDurationMs(timeoutMs)}; a probe that slow times out instead`,
    );
  }
  checkSlo(report, at('slo'), check.slo);
  const effectiveRegionCount = check.regions === undefined ? new Set(monitor.regions).size : regionCount;
  checkAlertPolicy(
    report,
    at('alert'),
    check.alert,
    effectiveRegionCount,
    "the check's regions",
    monitor.certificateDays,
  );

  if (!isOneOf(check.kind, checkKinds)) return;
  if (check.kind === 'http') checkHttpCheck(report, path, check);
  else if (check.kind === 'tcp') checkTcpCheck(report, path, check);
  else checkTlsCheck(report, path, check);
  const facts: AssertionCheckFacts = { kind: check.kind, usesTls: usesTls(check) };
  if (Array.isArray(check.assert)) {
    check.assert.forEach((assertion, index) => {
      checkAssertion(report, at('assert', index), assertion, facts);
    });
  }
}

function usesTls(check: UnknownRecord): boolean | undefined {
  if (check.kind === 'tls') return true;
  if (check.kind === 'tcp') return false;
  if (typeof check.url !== 'string' || !URL.canParse(check.url)) return undefined;
  const { protocol } = new URL(check.url);
  if (protocol === 'https:') return true;
  return protocol === 'http:' ? false : undefined;
}

/** Checks interval and timeout, on their own and against each other. Returns the effective timeout. */
function checkTiming(
  report: ReportProblem,
  path: PathSegment[],
  check: UnknownRecord,
  monitor: MonitorFacts,
): { timeoutMs: number | undefined } {
  const ownInterval = check.interval !== undefined;
  const ownTimeout = check.timeout !== undefined;
  const intervalMs = ownInterval
    ? checkInterval(report, [...path, 'interval'], check.interval)
    : monitor.defaultIntervalMs;
  const timeoutMs = ownTimeout
    ? checkPositiveDuration(report, [...path, 'timeout'], check.timeout)
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
function checkInheritedRegionsToFail(
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
