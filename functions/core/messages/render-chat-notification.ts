import type { CertificateFacts, LookoutEvent, SloBurn } from '../alerting/lookout-event';
import { formatNumber } from '../assertions/describe-expectation';
import { describeFailedAssertion } from './describe-failed-assertion';
import { eventLabel, eventTypeTag, summaryDetail } from './event-headline';
import { formatSpanMs, spanBetweenMs } from './format-span';

/**
 * The chat rendering of an event: a custom notification of Amazon Q Developer in chat applications (formerly AWS
 * Chatbot), which relays an SNS topic's messages to Slack, Microsoft Teams and Amazon Chime but renders only AWS
 * service events and this documented format:
 * https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 *
 * Text is `client-markdown` (Slack's markup: `*bold*`, `` `code` ``, `<url|label>`), which the service turns into
 * each chat platform's own. Everything that comes from a declaration or a target (names, URLs, error messages)
 * is escaped, so it can neither break the markup nor mention anyone.
 */

/** An Amazon Q Developer in chat applications custom notification, as Lookout fills it in. */
export interface ChatNotification {
  /** Must be `1.0`. */
  version: '1.0';
  /** Must be `custom`. */
  source: 'custom';
  /** The event's id: unique per transition. */
  id: string;
  content: {
    textType: 'client-markdown';
    /** State, check name: `:red_circle: DOWN: Orders API`. */
    title: string;
    /** What happened, where, since when, the last error and failed assertions. */
    description: string;
    /** Links: the dashboard, the status page. Left out when there are none. */
    nextSteps?: string[];
    /** Tags: the alert kind, its severity, the check id. */
    keywords: string[];
  };
  metadata: {
    /** The same for every event of one incident (opened, escalated, reminders, resolved): one chat thread. */
    threadId: string;
    /** One line: what the thread's top message says. */
    summary: string;
    /** `lookout.<kind>.<type>`, such as `lookout.outage.opened`. */
    eventType: string;
    /** The check's target. */
    relatedResources: string[];
    /** The event's id, check id, kind, severity and type, for custom actions. */
    additionalContext: Record<string, string>;
  };
}

/**
 * The format's documented limits, in characters (counted here in UTF-16 code units, which is never fewer).
 * The title is at most 250, the description 8,000, each next step 350 and each keyword 75.
 */
export const chatNotificationLimits = {
  titleMaxChars: 250,
  descriptionMaxChars: 8_000,
  nextStepMaxChars: 350,
  keywordMaxChars: 75,
} as const;

/** Links that are not in the event itself. */
export interface ChatLinks {
  /**
   * The public status page (`alerts.chat.statusPageUrl`).
   * @default none
   */
  statusPageUrl?: string;
}

/** The most failed assertions a chat message lists; the rest are counted. */
const shownAssertionsMax = 10;

/** The longest piece of text from a target (an error message, one assertion) shown in a chat message. */
const quotedTextMaxChars = 400;

/** The longest target named as the related resource (a URL may be long; the message stays small). */
const relatedResourceMaxChars = 2_048;

/** The longest summary sentence a description starts with. */
const summaryMaxChars = 1_000;

/** The longest check name a title shows before shortening it. */
const titleNameMaxChars = 120;

/** The note that ends a description shortened to fit. */
export const chatDescriptionShortenedNote =
  '\n_(shortened to fit a chat message; the email and the JSON event have every detail)_';

/**
 * Renders an event as a chat notification: the state at a glance (an emoji and the word the email subject
 * starts with), the check, where, since when (or how long it lasted), the last error and failed assertions,
 * SLO burn or certificate facts, links to the dashboard and the status page; one thread per incident. Every
 * field stays within the format's limits.
 */
export function renderChatNotification(event: LookoutEvent, links: ChatLinks = {}): ChatNotification {
  const nextSteps = [
    event.dashboardUrl === undefined ? undefined : chatLink(event.dashboardUrl, 'Open the dashboard'),
    links.statusPageUrl === undefined ? undefined : chatLink(links.statusPageUrl, 'Status page'),
  ].filter(
    (step): step is string => step !== undefined && step.length <= chatNotificationLimits.nextStepMaxChars,
  );
  return {
    version: '1.0',
    source: 'custom',
    id: event.id,
    content: {
      textType: 'client-markdown',
      title: fitChars(title(event), chatNotificationLimits.titleMaxChars),
      description: description(event),
      ...(nextSteps.length === 0 ? {} : { nextSteps }),
      keywords: [event.kind, event.severity, event.checkId].map((keyword) =>
        fitChars(keyword, chatNotificationLimits.keywordMaxChars),
      ),
    },
    metadata: {
      threadId: chatThreadId(event),
      summary: inert(
        `${eventLabel(event)}${eventTypeTag(event)} ${shownName(event)}: ${summaryDetail(event)}`,
        chatNotificationLimits.titleMaxChars,
      ),
      eventType: `lookout.${event.kind}.${event.type}`,
      relatedResources: [fitChars(event.target, relatedResourceMaxChars)],
      additionalContext: {
        eventId: event.id,
        checkId: event.checkId,
        kind: event.kind,
        severity: event.severity,
        type: event.type,
      },
    },
  };
}

/**
 * The thread of an incident: the check, the alert (its kind, and region for `probe-missing`) and when the alert
 * opened. Every event of one incident carries the same `since`, so opened, escalated, reminders and resolved
 * share it; the next incident of the same alert opens later, so it starts a new thread.
 */
export function chatThreadId(event: LookoutEvent): string {
  // The event id is `${checkId}:${alertKey}:${n}`: without its count, it names the alert.
  const alert = event.id.slice(0, Math.max(0, event.id.lastIndexOf(':'))) || `${event.checkId}:${event.kind}`;
  return `${alert}:${event.since}`;
}

function title(event: LookoutEvent): string {
  return `${stateEmoji(event)} ${eventLabel(event)}${eventTypeTag(event)}: ${inert(shownName(event), titleNameMaxChars)}`;
}

/** Red while critical, orange while a warning, green once resolved. */
function stateEmoji(event: LookoutEvent): string {
  if (event.type === 'resolved') return ':large_green_circle:';
  if (event.severity === 'critical') return ':red_circle:';
  if (event.severity === 'warning') return ':large_orange_circle:';
  return ':large_blue_circle:';
}

function description(event: LookoutEvent): string {
  const lines = [
    inert(sentence(event.summary), summaryMaxChars),
    ...whereAndWhen(event),
    field('Target', code(event.target)),
    ...lastFailureLines(event),
    ...sloLines(event.slo),
    ...certificateLines(event.certificate),
    ...(event.silenced
      ? ['_A maintenance window covers this check: this event is recorded, not sent._']
      : []),
  ];
  // Whole lines are dropped from the end, so no markup is cut in half.
  const maxChars = chatNotificationLimits.descriptionMaxChars;
  if (lines.join('\n').length <= maxChars) return lines.join('\n');
  while (lines.length > 1 && `${lines.join('\n')}${chatDescriptionShortenedNote}`.length > maxChars)
    lines.pop();
  return `${fitChars(lines.join('\n'), maxChars - chatDescriptionShortenedNote.length)}${chatDescriptionShortenedNote}`;
}

function whereAndWhen(event: LookoutEvent): string[] {
  const lines = event.regions.length > 0 ? [field('Where', escapeChatText(event.regions.join(', ')))] : [];
  const spanMs = spanBetweenMs(event.since, event.at);
  const span = spanMs === undefined ? '' : formatSpanMs(spanMs);
  if (event.type === 'resolved') {
    const lasted = span === '' ? '' : ` (${span})`;
    lines.push(
      field('Lasted', `${utcTime(event.since, event.at)} to ${utcTime(event.at, event.at)}${lasted}`),
    );
  } else {
    const open = spanMs === undefined || spanMs < 1000 ? '' : ` (open for ${span})`;
    lines.push(field('Since', `${utcTime(event.since, event.at)}${open}`));
  }
  return lines;
}

function lastFailureLines(event: LookoutEvent): string[] {
  const failure = event.lastFailure;
  if (failure === undefined) return [];
  const label = event.type === 'resolved' ? 'Last error before it resolved' : 'Last error';
  const lines = [
    field(
      label,
      `${code(failure.code)} ${code(failure.message)} (${escapeChatText(failure.region)}, ${utcTime(failure.at, event.at)})`,
    ),
  ];
  const failed = failure.failedAssertions.filter((outcome) => !outcome.passed);
  if (failed.length > 0) {
    lines.push('*Failed assertions:*');
    for (const outcome of failed.slice(0, shownAssertionsMax)) {
      lines.push(`• ${code(describeFailedAssertion(outcome))}`);
    }
    if (failed.length > shownAssertionsMax) lines.push(`• _and ${failed.length - shownAssertionsMax} more_`);
  }
  return lines;
}

function sloLines(slo: SloBurn | undefined): string[] {
  if (slo === undefined) return [];
  const { rule } = slo;
  return [
    field(
      'SLO',
      `${slo.objective} ${formatNumber(slo.targetPercent)}% over ${formatSpanMs(slo.windowMs)}: burning ` +
        `${formatNumber(slo.longBurnRate)}x over ${formatSpanMs(rule.longWindowMs)} and ` +
        `${formatNumber(slo.shortBurnRate)}x over ${formatSpanMs(rule.shortWindowMs)} ` +
        `(${escapeChatText(rule.name)} rule: ${formatNumber(rule.factor)}x); ` +
        (slo.budgetRemainingPercent === undefined
          ? 'too few probes yet for an error budget figure'
          : `${formatNumber(slo.budgetRemainingPercent)}% of the error budget left`),
    ),
  ];
}

function certificateLines(certificate: CertificateFacts | undefined): string[] {
  if (certificate === undefined) return [];
  const days = certificate.daysUntilExpiry;
  const when =
    days >= 0
      ? `expires ${utcTime(certificate.validTo)} (in ${formatNumber(days)} days)`
      : `expired ${utcTime(certificate.validTo)} (${formatNumber(-days)} days ago)`;
  return [
    field(
      'Certificate',
      `${code(certificate.subject)} ${when}, seen from ${escapeChatText(certificate.region)}`,
    ),
  ];
}

/** `*Label:* value`. */
function field(label: string, value: string): string {
  return `*${label}:* ${value}`;
}

/**
 * A time as people read it in chat: `2026-11-02 00:01 UTC`, or `00:01 UTC` on the same UTC day as `referenceIso`
 * (the event's time; none: always the date). An unparseable time is shown as given.
 */
function utcTime(iso: string, referenceIso = ''): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeChatText(iso);
  const text = new Date(ms).toISOString();
  const reference = Date.parse(referenceIso);
  const sameDay =
    !Number.isNaN(reference) && new Date(reference).toISOString().slice(0, 10) === text.slice(0, 10);
  return sameDay ? `${text.slice(11, 16)} UTC` : `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** A link in the format's markup: `<url|label>`, with the characters that would end it percent-encoded. */
function chatLink(url: string, label: string): string {
  const safe = url.replace(/[|<>\s]/g, (character) => encodeURIComponent(character));
  return `<${safe}|${label}>`;
}

/**
 * Text from a declaration or a target, made inert: one line, `&`, `<` and `>` escaped (Slack's rule: `<...>`
 * is a link or a mention), and an `@` that would start a mention (`@here`, `@oncall`) followed by a zero-width
 * space. An `@` inside a word (`ops@example.com`) is left alone.
 */
function escapeChatText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[^\p{L}\p{N}._%+-])@(?=[\p{L}\p{N}_])/gu, '$1@\u200b');
}

/** Text from a target as inline code, shortened: backticks (which would end the span) become `'`. */
function code(text: string): string {
  return `\`${inert(text.replace(/`/g, "'"), quotedTextMaxChars)}\``;
}

/** `escapeChatText(text)` in at most `maxChars`, the text shortened (never an escape cut in half). */
function inert(text: string, maxChars: number): string {
  let kept = oneLine(text);
  let escaped = escapeChatText(kept);
  while (escaped.length > maxChars) {
    kept = kept.slice(0, Math.max(0, kept.length - Math.max(1, escaped.length - maxChars + 1)));
    escaped = `${escapeChatText(kept).trimEnd()}…`;
  }
  return escaped;
}

function shownName(event: LookoutEvent): string {
  return event.checkName || event.checkId;
}

function sentence(text: string): string {
  const trimmed = oneLine(text);
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/**
 * Shortens text to at most `maxChars` UTF-16 code units, ending it with `…`; never splits a surrogate pair.
 */
function fitChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}
