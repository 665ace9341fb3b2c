import { checkTarget } from '../check-target';
import type { ProbeResult } from '../probe-result';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import type { DesiredStatus } from './apply-status-change';

/**
 * Where a check's certificate alert should be, from the latest result of each region: warning at or below
 * `certificateWarningDays` days left, critical at or below `certificateCriticalDays`, judged on the region that
 * saw the fewest days. Undefined when no result carries certificate facts (nothing to judge).
 */
export function desiredCertificateStatus(
  check: ResolvedCheck,
  latestResults: readonly ProbeResult[],
): DesiredStatus | undefined {
  const withFacts = latestResults.filter((result) => result.tls !== undefined);
  const soonest = withFacts.sort((a, b) => (a.tls?.daysUntilExpiry ?? 0) - (b.tls?.daysUntilExpiry ?? 0))[0];
  const facts = soonest?.tls;
  if (soonest === undefined || facts === undefined) return undefined;
  const days = facts.daysUntilExpiry;
  const { certificateWarningDays, certificateCriticalDays } = check.alert;
  const status = days <= certificateWarningDays ? 'firing' : 'ok';
  const wholeDays = Math.floor(days);
  return {
    status,
    severity: days <= certificateCriticalDays ? 'critical' : 'warning',
    details: {
      checkName: check.name,
      target: checkTarget(check),
      regions: [soonest.region],
      summary:
        status === 'ok'
          ? `${check.name}'s certificate is valid for ${wholeDays} more days`
          : days < 0
            ? `${check.name}'s certificate expired ${-wholeDays} days ago`
            : `${check.name}'s certificate expires in ${wholeDays} days (${facts.validTo.slice(0, 10)})`,
      certificate: {
        daysUntilExpiry: days,
        validTo: facts.validTo,
        subject: facts.subject,
        region: soonest.region,
      },
    },
  };
}
