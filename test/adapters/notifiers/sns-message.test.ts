import { describe, expect, it } from 'vitest';
import {
  buildSnsMessage,
  cutUtf8,
  emailShortenedNote,
} from '../../../functions/adapters/notifiers/sns-message';

const rendered = {
  subject: 's',
  sms: 'Lookout DOWN x: down',
  json: JSON.stringify({ id: 'x' }),
  email: 'Hello.\n',
};

describe('buildSnsMessage', () => {
  it('carries the JSON event for every machine protocol, the email text and the SMS line', () => {
    const message = JSON.parse(buildSnsMessage(rendered, 10_000));
    expect(message).toEqual({
      default: rendered.json,
      email: 'Hello.\n',
      'email-json': rendered.json,
      sms: rendered.sms,
      https: rendered.json,
      sqs: rendered.json,
      lambda: rendered.json,
    });
  });

  it('shortens only the email when the message would be too large, keeping every key', () => {
    const email = `${'é line of text\n'.repeat(30_000)}`;
    const built = buildSnsMessage({ ...rendered, email }, 200_000);
    expect(Buffer.byteLength(built)).toBeLessThanOrEqual(200_000);
    const message = JSON.parse(built);
    expect(Object.keys(message)).toHaveLength(7);
    expect(message.email.endsWith(emailShortenedNote)).toBe(true);
    expect(message.email.length).toBeGreaterThan(100_000);
    expect(message.default).toBe(rendered.json);
  });

  it('falls back to default-only JSON when five copies of a large event do not fit', () => {
    const json = JSON.stringify({ id: 'x', note: 'n'.repeat(60_000) });
    const message = JSON.parse(buildSnsMessage({ ...rendered, json }, 200_000));
    expect(Object.keys(message).sort()).toEqual(['default', 'email', 'sms']);
    expect(message.default).toBe(json);
  });

  it('throws when the event alone cannot fit', () => {
    const json = JSON.stringify({ note: 'n'.repeat(300_000) });
    expect(() => buildSnsMessage({ ...rendered, json }, 200_000)).toThrow('too large for one SNS message');
  });

  it('cuts UTF-8 text without splitting a character', () => {
    expect(cutUtf8('aéb', 2)).toBe('a');
    expect(cutUtf8('aéb', 3)).toBe('aé');
    expect(cutUtf8('abc', 10)).toBe('abc');
  });
});
