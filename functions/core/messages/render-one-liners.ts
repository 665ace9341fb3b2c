import type { LookoutEvent } from '../alerting/lookout-event';
import { eventLabel, eventTypeTag, summaryDetail } from './event-headline';
import { formatSpanMs, spanBetweenMs } from './format-span';
import { smsMaxChars, subjectMaxChars, toAsciiLine, truncateText } from './text-limits';

/** The longest check name a subject or SMS shows before shortening it. */
const nameMaxChars = 40;

/** The least room worth keeping for the detail before the SMS drops its time hint. */
const smsDetailMinChars = 24;

/**
 * The email subject: `[Lookout] DOWN orders-api: down in 3 of 3 regions`. One line of ASCII, at most
 * `subjectMaxChars` characters, shortened with `...`.
 */
export function renderSubject(event: LookoutEvent): string {
  const head = `[Lookout] ${eventLabel(event)}${eventTypeTag(event)} ${shownName(event)}`;
  return truncateText(toAsciiLine(`${head}: ${summaryDetail(event)}`), subjectMaxChars);
}

/**
 * The SMS line: the subject's words plus when it started (`since 12:03 UTC`) or how long it lasted
 * (`after 1h 5m`). One line of ASCII, at most `smsMaxChars` characters; the detail is shortened first.
 */
export function renderSms(event: LookoutEvent): string {
  const head = `${toAsciiLine(`Lookout ${eventLabel(event)}${eventTypeTag(event)} ${shownName(event)}:`)} `;
  const detail = toAsciiLine(summaryDetail(event));
  const hint = toAsciiLine(timeHint(event));
  const withHint = smsMaxChars - head.length - hint.length - 1;
  if (hint !== '' && withHint >= Math.min(smsDetailMinChars, detail.length)) {
    return truncateText(`${head}${truncateText(detail, withHint)} ${hint}`, smsMaxChars);
  }
  return truncateText(`${head}${detail}`, smsMaxChars);
}

function shownName(event: LookoutEvent): string {
  return truncateText(toAsciiLine(event.checkName || event.checkId), nameMaxChars);
}

function timeHint(event: LookoutEvent): string {
  if (event.type === 'resolved') {
    const spanMs = spanBetweenMs(event.since, event.at);
    return spanMs === undefined ? '' : `(after ${formatSpanMs(spanMs)})`;
  }
  if (Number.isNaN(Date.parse(event.since))) return '';
  const since = new Date(event.since).toISOString();
  const at = Number.isNaN(Date.parse(event.at)) ? since : new Date(event.at).toISOString();
  const clock = `${since.slice(11, 16)} UTC`;
  return since.slice(0, 10) === at.slice(0, 10)
    ? `(since ${clock})`
    : `(since ${since.slice(0, 10)} ${clock})`;
}
