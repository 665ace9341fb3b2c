import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { LookoutEvent } from '../../functions/core/alerting/lookout-event';
import { renderNotification, snsMessageAttributes } from '../../functions/core/messages/render-notification';

/** Everything a subscriber sees of one event, as one text file: subject, SMS, attributes, email, JSON. */
export function renderForGolden(event: LookoutEvent): string {
  const rendered = renderNotification(event);
  return [
    `=== subject (${rendered.subject.length} chars)`,
    rendered.subject,
    `=== sms (${rendered.sms.length} chars)`,
    rendered.sms,
    '=== attributes',
    JSON.stringify(snsMessageAttributes(event)),
    '=== email',
    rendered.email,
    '=== json (the default message: HTTPS, SQS, Lambda and email-json subscribers)',
    JSON.stringify(JSON.parse(rendered.json), null, 2),
  ].join('\n');
}

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
