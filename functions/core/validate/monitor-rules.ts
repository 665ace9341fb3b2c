import { quote } from '../assertions/describe-value';
import {
  defaultIntervalMs,
  defaultTimeoutMs,
  maximumRetentionMs,
  maximumRetries,
  minimumRetentionMs,
} from '../declare/defaults';
import { formatDurationMs } from '../declare/duration';
import { validateAlertPolicy } from './alert-policy-rules';
import { validateAlertTargets } from './alert-target-rules';
import { type MonitorFacts, validateCheck } from './check-rules';
import { validateDurationBetween, validateInterval, validatePositiveDuration } from './duration-rules';
import { validateMaintenanceWindows } from './maintenance-rules';
import { validateKnownRegion, validateRegionList } from './region-rules';
import { asRecord, type UnknownRecord, validateWholeNumber } from './rule-helpers';
import { validateStatusPage } from './status-page-rules';
import type { ReportProblem } from './validation-problem';

/**
 * Applies the semantic rules (values, formats, and how fields fit together) to a declaration whose
 * structure may itself be wrong: each rule looks only at values of the right type, leaving type
 * errors to the structural check, so that every problem is reported once.
 */
export function validateMonitorRules(report: ReportProblem, input: unknown): void {
  const monitor = asRecord(input);
  if (monitor === undefined) return;
  validateKnownRegion(report, ['homeRegion'], monitor.homeRegion);
  validateRegionList(report, ['regions'], monitor.regions, { fallback: 'the home region' });
  validateDurationBetween(report, ['retention'], monitor.retention, minimumRetentionMs, maximumRetentionMs);
  validateAlertTargets(report, ['alerts'], monitor.alerts);
  const facts = validateDefaults(report, monitor);
  validateChecks(report, monitor.checks, facts);
  validateMaintenanceWindows(report, ['maintenance'], monitor.maintenance, checkIds(monitor.checks));
  validateStatusPage(report, ['statusPage'], monitor.statusPage, checkIds(monitor.checks));
}

function checkIds(checks: unknown): string[] {
  if (!Array.isArray(checks)) return [];
  return checks.map((check) => asRecord(check)?.id).filter((id): id is string => typeof id === 'string');
}

function monitorRegions(monitor: UnknownRecord): string[] {
  if (Array.isArray(monitor.regions) && monitor.regions.length > 0) {
    return monitor.regions.filter((region): region is string => typeof region === 'string');
  }
  return typeof monitor.homeRegion === 'string' ? [monitor.homeRegion] : [];
}

function validateDefaults(report: ReportProblem, monitor: UnknownRecord): MonitorFacts {
  const regions = monitorRegions(monitor);
  const defaults = asRecord(monitor.defaults) ?? {};
  const intervalMs =
    defaults.interval === undefined
      ? defaultIntervalMs
      : validateInterval(report, ['defaults', 'interval'], defaults.interval);
  const timeoutMs =
    defaults.timeout === undefined
      ? defaultTimeoutMs
      : validatePositiveDuration(report, ['defaults', 'timeout'], defaults.timeout);
  // The built-in 10s timeout fits every valid interval, so a conflict means defaults.timeout is set.
  const timeoutExceedsInterval =
    intervalMs !== undefined && timeoutMs !== undefined && timeoutMs > intervalMs;
  if (timeoutExceedsInterval) {
    report(
      ['defaults', 'timeout'],
      `defaults.timeout ${String(defaults.timeout)} is longer than the default interval ${formatDurationMs(intervalMs)}; a probe must finish before the next one starts`,
    );
  }
  validateWholeNumber(report, ['defaults', 'retries'], defaults.retries, { min: 0, max: maximumRetries });
  const regionCount = new Set(regions).size;
  const certificateDays = validateAlertPolicy(
    report,
    ['defaults', 'alert'],
    defaults.alert,
    regionCount,
    "the monitor's regions",
  );
  const regionsToFail = asRecord(defaults.alert)?.regionsToFail;
  const validRegionsToFail =
    typeof regionsToFail === 'number' &&
    Number.isInteger(regionsToFail) &&
    regionsToFail >= 1 &&
    regionsToFail <= regionCount
      ? regionsToFail
      : undefined;
  return {
    regions,
    defaultIntervalMs: intervalMs,
    // Checks that inherit a timeout already reported above are not reported again.
    defaultTimeoutMs: timeoutExceedsInterval ? undefined : timeoutMs,
    defaultRegionsToFail: validRegionsToFail,
    certificateDays,
  };
}

function validateChecks(report: ReportProblem, checks: unknown, facts: MonitorFacts): void {
  if (!Array.isArray(checks)) return;
  if (checks.length === 0) {
    report(['checks'], 'checks is empty; declare at least one check with http(), tcp() or tls()');
    return;
  }
  const firstIndexById = new Map<string, number>();
  checks.forEach((value, index) => {
    const check = asRecord(value);
    if (check === undefined) return;
    if (typeof check.id === 'string') {
      const first = firstIndexById.get(check.id);
      if (first === undefined) firstIndexById.set(check.id, index);
      else
        report(
          ['checks', index, 'id'],
          `id ${quote(check.id)} is already used by checks[${first}]; ids must be unique`,
        );
    }
    validateCheck(report, ['checks', index], check, facts);
  });
}
