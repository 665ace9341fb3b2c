import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../functions/core/messages/render-notification';
import {
  smsMaxChars,
  subjectMaxChars,
  toAsciiLine,
  truncateText,
} from '../../../functions/core/messages/text-limits';
import { outageOpened, outageResolved } from './event-fixtures';

const printableAsciiLine = /^[\x20-\x7e]*$/;

describe('subject and SMS limits', () => {
  const longName = `checkout-${'very-long-segment-'.repeat(20)}api`;
  const longEvent = {
    ...outageOpened,
    checkId: longName,
    checkName: longName,
    summary: `${longName} is down in 3 of 3 regions because ${'the upstream keeps timing out '.repeat(30)}`,
  };

  it('keeps a subject with a very long name and summary within 99 ASCII characters, with an ellipsis', () => {
    const { subject } = renderNotification(longEvent);
    expect(subject.length).toBeLessThanOrEqual(subjectMaxChars);
    expect(subject).toMatch(printableAsciiLine);
    expect(subject.startsWith('[Lookout] DOWN checkout-very-long-segment-')).toBe(true);
    expect(subject.endsWith('...')).toBe(true);
  });

  it('keeps the SMS within 140 ASCII characters on one line, still saying since when', () => {
    const { sms } = renderNotification(longEvent);
    expect(sms.length).toBeLessThanOrEqual(smsMaxChars);
    expect(sms).toMatch(printableAsciiLine);
    expect(sms).toContain('...');
    expect(sms.endsWith('(since 12:03 UTC)')).toBe(true);
  });

  it('keeps the duration of a resolved incident in a shortened SMS', () => {
    const { sms } = renderNotification({ ...outageResolved, summary: 'up again '.repeat(40) });
    expect(sms.length).toBeLessThanOrEqual(smsMaxChars);
    expect(sms.endsWith('(after 1h 12m)')).toBe(true);
  });

  it('turns line breaks, control characters and accents into plain ASCII in the subject and SMS', () => {
    const event = {
      ...outageOpened,
      checkName: 'Zürich\nAPI\tv2 ✓',
      summary: 'Zürich\nAPI\tv2 ✓ is down\r\nin 2 of 3 regions',
    };
    const { subject, sms } = renderNotification(event);
    expect(subject).toBe('[Lookout] DOWN Zurich API v2 ?: down in 2 of 3 regions');
    expect(sms).toMatch(printableAsciiLine);
    expect(sms.startsWith('Lookout DOWN Zurich API v2 ?: down in 2 of 3 regions')).toBe(true);
  });

  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('alpha beta gamma delta', 15)).toBe('alpha beta...');
    expect(truncateText('x'.repeat(50), 10)).toBe(`${'x'.repeat(7)}...`);
    expect(toAsciiLine('  a\u0000b  \u2028 c ')).toBe('a b c');
  });
});
