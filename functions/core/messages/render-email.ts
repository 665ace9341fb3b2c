import type { CertificateFacts, LookoutEvent, SloBurn } from '../alerting/lookout-event';
import { formatNumber } from '../assertions/describe-expectation';
import { describeFailedAssertion } from './describe-failed-assertion';
import { formatSpanMs, spanBetweenMs } from './format-span';

/**
 * The plain-text email: what happened, to which check, where, since when; the last error and the failed
 * assertions; SLO burn or certificate facts when present; the dashboard link when known; and what the event
 * means (for `resolved`, how long the incident lasted).
 */
export function renderEmail(event: LookoutEvent): string {
  const spanMs = spanBetweenMs(event.since, event.at);
  const sections = [
    [sentence(event.summary), meaning(event, spanMs)],
    overview(event, spanMs),
    lastFailureSection(event),
    sloSection(event.slo),
    certificateSection(event.certificate),
    event.silenced ? ['A maintenance window covers this check: this event is recorded, not sent.'] : [],
    event.dashboardUrl === undefined ? [] : [`Dashboard: ${event.dashboardUrl}`],
    footer(event),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function overview(event: LookoutEvent, spanMs: number | undefined): string[] {
  const check = event.checkName === event.checkId ? event.checkId : `${event.checkName} (${event.checkId})`;
  const lines = [
    field('Check', check),
    field('Target', event.target),
    field('Alert', `${event.kind}, ${event.severity}, ${event.type}`),
  ];
  if (event.regions.length > 0) lines.push(field('Regions', event.regions.join(', ')));
  const span = spanMs === undefined ? '' : formatSpanMs(spanMs);
  if (event.type === 'resolved') {
    lines.push(field('Began', event.since), field('Resolved', event.at));
    if (span !== '') lines.push(field('Lasted', span));
  } else {
    lines.push(
      field(
        'Since',
        spanMs === undefined || spanMs < 1000 ? event.since : `${event.since} (open for ${span})`,
      ),
    );
    lines.push(field('At', event.at));
  }
  return lines;
}

function lastFailureSection(event: LookoutEvent): string[] {
  const failure = event.lastFailure;
  if (failure === undefined) return [];
  const title = event.type === 'resolved' ? 'Last error before it resolved' : 'Last error';
  const lines = [
    title,
    field('  Code', failure.code),
    field('  Message', oneLine(failure.message)),
    field('  Region', failure.region),
    field('  At', failure.at),
  ];
  const failed = failure.failedAssertions.filter((outcome) => !outcome.passed);
  if (failed.length > 0) {
    lines.push('', 'Failed assertions');
    for (const outcome of failed) {
      lines.push(`  - ${oneLine(describeFailedAssertion(outcome))}`);
      if (outcome.message !== '') lines.push(`    ${oneLine(outcome.message)}`);
    }
  }
  return lines;
}

function sloSection(slo: SloBurn | undefined): string[] {
  if (slo === undefined) return [];
  const { rule } = slo;
  return [
    'SLO',
    field(
      '  Objective',
      `${slo.objective} ${formatNumber(slo.targetPercent)}% over ${formatSpanMs(slo.windowMs)}`,
    ),
    field(
      '  Rule',
      `${rule.name}: burn rate of ${formatNumber(rule.factor)}x or more over both ${formatSpanMs(rule.longWindowMs)} and ${formatSpanMs(rule.shortWindowMs)}`,
    ),
    field(
      '  Burn rate',
      `${formatNumber(slo.longBurnRate)}x over ${formatSpanMs(rule.longWindowMs)}, ${formatNumber(slo.shortBurnRate)}x over ${formatSpanMs(rule.shortWindowMs)}`,
    ),
    ...(slo.longWindowProbes === undefined
      ? []
      : [
          field(
            '  Probes',
            `${slo.longWindowProbes.bad} of ${slo.longWindowProbes.total} ${slo.objective === 'latency' ? 'slow or failed' : 'failed'} over ${formatSpanMs(rule.longWindowMs)}`,
          ),
        ]),
    field(
      '  Budget left',
      slo.budgetRemainingPercent === undefined
        ? `not known yet: too few probes over ${formatSpanMs(slo.windowMs)} for a ${formatNumber(slo.targetPercent)}% objective`
        : `${formatNumber(slo.budgetRemainingPercent)}% of the error budget over ${formatSpanMs(slo.windowMs)}`,
    ),
  ];
}

function certificateSection(certificate: CertificateFacts | undefined): string[] {
  if (certificate === undefined) return [];
  const days = certificate.daysUntilExpiry;
  const when = days >= 0 ? `in ${formatNumber(days)} days` : `expired ${formatNumber(-days)} days ago`;
  return [
    'Certificate',
    field('  Subject', certificate.subject),
    field('  Expires', `${certificate.validTo} (${when})`),
    field('  Seen from', certificate.region),
  ];
}

function footer(event: LookoutEvent): string[] {
  return [
    '--',
    'Lookout notifies when an alert opens, escalates or resolves (and reminds while it stays open, if configured).',
    `Event ${event.id} (${event.schema})`,
  ];
}

function meaning(event: LookoutEvent, spanMs: number | undefined): string {
  const lasted = spanMs === undefined ? '' : ` after ${formatSpanMs(spanMs)}`;
  if (event.type === 'resolved') {
    switch (event.kind) {
      case 'outage':
        return `Resolved${lasted}: the check passes again in enough regions. Nothing needs doing unless it recurs.`;
      case 'degraded':
        return `Resolved${lasted}: responses are back under the degraded-latency threshold.`;
      case 'certificate':
        return 'Resolved: the certificate now has enough days left (renewed or replaced).';
      case 'slo-availability':
      case 'slo-latency':
        return `Resolved${lasted}: the error budget no longer burns faster than the alerting rules allow.`;
      case 'probe-missing':
        return `Resolved${lasted}: the region reports results again.`;
    }
  }
  const prefix =
    event.type === 'reminder'
      ? 'Still open (reminder). '
      : event.type === 'escalated'
        ? `Escalated to ${event.severity}. `
        : '';
  switch (event.kind) {
    case 'outage':
      return `${prefix}The check failed in enough regions for enough consecutive rounds to count as down.`;
    case 'degraded':
      return `${prefix}The check passes, but responds slower than its degraded-latency threshold.`;
    case 'certificate':
      return `${prefix}The TLS certificate expires within the ${event.severity} threshold: renew it before it does.`;
    case 'slo-availability':
    case 'slo-latency':
      return event.severity === 'critical'
        ? `${prefix}The error budget burns fast enough to run out well before the window ends: this pages.`
        : `${prefix}The error budget burns faster than it can last the window: a ticket, not a page.`;
    case 'probe-missing':
      return `${prefix}A region has not reported results for this check for two intervals: it is not watched from there.`;
  }
}

function field(label: string, value: string): string {
  return `${`${label}:`.padEnd(label.startsWith('  ') ? 16 : 14)}${value}`;
}

function sentence(text: string): string {
  const trimmed = oneLine(text);
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
