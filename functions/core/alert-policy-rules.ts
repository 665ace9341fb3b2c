import { asRecord, checkWholeNumber } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** The most consecutive rounds an alert policy may wait for. */
export const maximumConsecutiveRounds = 10;

/**
 * Reports an alert policy's counts that are not whole numbers in range. `regionCount`, when known,
 * is how many regions the policy applies to, and so the most `regionsToFail` can be;
 * `regionCountText` names them in the message (`"the check's 2 regions"`).
 */
export function checkAlertPolicy(
  report: ReportProblem,
  path: PathSegment[],
  alert: unknown,
  regionCount: number | undefined,
  regionCountText: string,
): void {
  const policy = asRecord(alert);
  if (policy === undefined) return;
  const regionsToFailPath = [...path, 'regionsToFail'];
  const regionsToFail = checkWholeNumber(report, regionsToFailPath, policy.regionsToFail, { min: 1 });
  if (regionsToFail !== undefined && regionCount !== undefined && regionsToFail > regionCount) {
    report(
      regionsToFailPath,
      `${fieldLabel(regionsToFailPath)} ${regionsToFail} is more than ${regionCountText} (${regionCount}), so the check could never count as down`,
    );
  }
  for (const key of ['consecutiveFailures', 'consecutiveSuccesses'] as const) {
    checkWholeNumber(report, [...path, key], policy[key], { min: 1, max: maximumConsecutiveRounds });
  }
}
