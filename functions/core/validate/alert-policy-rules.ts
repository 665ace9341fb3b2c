import {
  defaultCertificateCriticalDays,
  defaultCertificateWarningDays,
  maximumConsecutiveRounds,
  minimumRemindEveryMs,
} from '../declare/defaults';
import { formatDurationMs } from '../declare/duration';
import { readDuration } from './duration-rules';
import { asRecord, type UnknownRecord, validateWholeNumber } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** One certificate threshold a policy ends up with, and how a message names where it came from. */
export interface CertificateDaysFact {
  /** The number of days. */
  days: number;
  /** Such as `alert.certificateWarningDays 30` or `the default certificateWarningDays 21`. */
  label: string;
}

/**
 * The certificate thresholds a policy inherits; `undefined` where the inherited value is itself invalid
 * (and already reported), so that nothing is compared with it.
 */
export interface CertificateDaysFacts {
  /** The warning threshold. */
  warning: CertificateDaysFact | undefined;
  /** The critical threshold. */
  critical: CertificateDaysFact | undefined;
}

/** The built-in certificate thresholds, as inherited by `defaults.alert`. */
export const builtInCertificateDays: CertificateDaysFacts = {
  warning: {
    days: defaultCertificateWarningDays,
    label: `the default certificateWarningDays ${defaultCertificateWarningDays}`,
  },
  critical: {
    days: defaultCertificateCriticalDays,
    label: `the default certificateCriticalDays ${defaultCertificateCriticalDays}`,
  },
};

/**
 * Reports an alert policy's counts that are not whole numbers in range, certificate thresholds that are not
 * whole numbers of days or in the wrong order, and reminders that come too often. `regionCount`, when known,
 * is how many regions the policy applies to, and so the most `regionsToFail` can be; `regionCountText` names
 * them in the message (`"the check's 2 regions"`). `inherited` are the certificate thresholds that apply where
 * the policy sets none. Returns the certificate thresholds the policy ends up with.
 */
export function validateAlertPolicy(
  report: ReportProblem,
  path: PathSegment[],
  alert: unknown,
  regionCount: number | undefined,
  regionCountText: string,
  inherited: CertificateDaysFacts = builtInCertificateDays,
): CertificateDaysFacts {
  const policy = asRecord(alert);
  if (policy === undefined) return inherited;
  const regionsToFailPath = [...path, 'regionsToFail'];
  const regionsToFail = validateWholeNumber(report, regionsToFailPath, policy.regionsToFail, { min: 1 });
  if (regionsToFail !== undefined && regionCount !== undefined && regionsToFail > regionCount) {
    report(
      regionsToFailPath,
      `${fieldLabel(regionsToFailPath)} ${regionsToFail} is more than ${regionCountText} (${regionCount}), so the check could never count as down`,
    );
  }
  for (const key of ['consecutiveFailures', 'consecutiveSuccesses'] as const) {
    validateWholeNumber(report, [...path, key], policy[key], { min: 1, max: maximumConsecutiveRounds });
  }
  validateRemindEvery(report, [...path, 'remindEvery'], policy.remindEvery);
  return validateCertificateDays(report, path, policy, inherited);
}

function validateRemindEvery(report: ReportProblem, path: PathSegment[], value: unknown): void {
  const remindEveryMs = readDuration(report, path, value);
  if (remindEveryMs === undefined || remindEveryMs >= minimumRemindEveryMs) return;
  report(
    path,
    `${fieldLabel(path)} ${String(value)} is shorter than the ${formatDurationMs(minimumRemindEveryMs)} minimum; reminders that often would drown the first notification`,
  );
}

/** A threshold of the policy itself, the inherited one when it sets none, `undefined` when it is invalid. */
function ownOrInherited(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  inherited: CertificateDaysFact | undefined,
): CertificateDaysFact | undefined {
  if (value === undefined) return inherited;
  const days = validateWholeNumber(report, path, value, { min: 0 });
  return days === undefined ? undefined : { days, label: `${fieldLabel(path)} ${days}` };
}

function validateCertificateDays(
  report: ReportProblem,
  path: PathSegment[],
  policy: UnknownRecord,
  inherited: CertificateDaysFacts,
): CertificateDaysFacts {
  const warningPath = [...path, 'certificateWarningDays'];
  const criticalPath = [...path, 'certificateCriticalDays'];
  const warning = ownOrInherited(report, warningPath, policy.certificateWarningDays, inherited.warning);
  const critical = ownOrInherited(report, criticalPath, policy.certificateCriticalDays, inherited.critical);
  const setsEither =
    policy.certificateWarningDays !== undefined || policy.certificateCriticalDays !== undefined;
  if (warning === undefined || critical === undefined || !setsEither || critical.days < warning.days) {
    return { warning, critical };
  }
  const why = 'the alert warns first and turns critical closer to expiry';
  if (policy.certificateCriticalDays !== undefined) {
    report(criticalPath, `${critical.label} must be less than ${warning.label}: ${why}`);
  } else {
    report(warningPath, `${warning.label} must be more than ${critical.label}: ${why}`);
  }
  return { warning: undefined, critical: undefined };
}
