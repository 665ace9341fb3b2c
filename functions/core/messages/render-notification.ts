import type { LookoutEvent } from '../alerting/lookout-event';
import { renderEmail } from './render-email';
import { renderSms, renderSubject } from './render-one-liners';

/** One event rendered for each kind of subscriber. */
export interface RenderedNotification {
  /** The email subject: one ASCII line of at most 99 characters. */
  subject: string;
  /** The plain-text email body. */
  email: string;
  /** The SMS: one ASCII line of at most 140 characters. */
  sms: string;
  /** The versioned event as JSON, for HTTPS, SQS and Lambda subscribers and webhooks. */
  json: string;
}

/** Renders an event as an email subject and body, an SMS line and the JSON event. */
export function renderNotification(event: LookoutEvent): RenderedNotification {
  return {
    subject: renderSubject(event),
    email: renderEmail(event),
    sms: renderSms(event),
    json: JSON.stringify(event),
  };
}

/** The attributes subscribers filter on (SNS message attributes), as plain strings. */
export interface NotificationAttributes {
  /** The event type: `opened`, `escalated`, `reminder` or `resolved`. */
  event: string;
  severity: string;
  checkId: string;
  /** The alert kind, such as `outage`. */
  kind: string;
}

/** The message attributes of an event: `event`, `severity`, `checkId`, `kind`. */
export function snsMessageAttributes(event: LookoutEvent): NotificationAttributes {
  return { event: event.type, severity: event.severity, checkId: event.checkId, kind: event.kind };
}
