import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LookoutEvent } from '../../../functions/core/alerting/lookout-event';
import {
  chatDescriptionShortenedNote,
  chatThreadId,
  renderChatNotification,
} from '../../../functions/core/messages/render-chat-notification';
import { expectGolden } from '../../support/golden-notification';
import { customNotificationProblems, renderChatForGolden } from './chat-notification-schema';
import {
  degradedReminder,
  goldenScenarios,
  outageOpened,
  outageResolved,
  probeMissing,
} from './event-fixtures';

const goldenDir = join(import.meta.dirname, 'golden');
const statusPageUrl = 'https://status.example.com/';

describe('renderChatNotification golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(goldenScenarios)('%s', (name, event) => {
    const notification = renderChatNotification(event, { statusPageUrl });
    expect(customNotificationProblems(notification)).toEqual([]);
    expectGolden(join(goldenDir, `chat-${name}.txt`), renderChatForGolden(notification));
  });
});

describe('the documented custom-notification format (the checker the renderer is held to)', () => {
  const valid = renderChatNotification(outageOpened);

  it('accepts the minimal documented notification', () => {
    expect(
      customNotificationProblems({ version: '1.0', source: 'custom', content: { description: 'x' } }),
    ).toEqual([]);
  });

  it('finds each departure from the format', () => {
    const { content, metadata } = valid;
    expect(customNotificationProblems({ ...valid, version: '2.0' })).toEqual([
      '$.version must be one of 1.0, not "2.0"',
    ]);
    expect(customNotificationProblems({ ...valid, source: 'lookout' })).toEqual([
      '$.source must be one of custom, not "lookout"',
    ]);
    expect(customNotificationProblems({ ...valid, content: { ...content, description: undefined } })).toEqual(
      ['$.content.description is required'],
    );
    expect(customNotificationProblems({ ...valid, content: { ...content, title: 'x'.repeat(251) } })).toEqual(
      ['$.content.title has 251 characters, more than 250'],
    );
    expect(
      customNotificationProblems({ ...valid, content: { ...content, description: 'x'.repeat(8001) } }),
    ).toEqual(['$.content.description has 8001 characters, more than 8000']);
    expect(
      customNotificationProblems({ ...valid, content: { ...content, nextSteps: ['x'.repeat(351)] } }),
    ).toEqual(['$.content.nextSteps[0] has 351 characters, more than 350']);
    expect(
      customNotificationProblems({ ...valid, content: { ...content, keywords: ['x'.repeat(76)] } }),
    ).toEqual(['$.content.keywords[0] has 76 characters, more than 75']);
    expect(customNotificationProblems({ ...valid, content: { ...content, textType: 'markdown' } })).toEqual([
      '$.content.textType must be one of client-markdown, not "markdown"',
    ]);
    expect(
      customNotificationProblems({ ...valid, metadata: { ...metadata, additionalContext: { n: 1 } } }),
    ).toEqual(['$.metadata.additionalContext.n must be a string']);
    expect(customNotificationProblems({ ...valid, schema: 'lookout.event.v1' })).toEqual([
      '$.schema is not in the format',
    ]);
  });

  it("rejects Lookout's own JSON event, which the chat service does not render", () => {
    expect(customNotificationProblems(outageOpened)).toContain('$.version is required');
  });
});

describe('renderChatNotification', () => {
  it('says the state, the check, where, since when, the error and the failed assertions at a glance', () => {
    const { content } = renderChatNotification(outageOpened);
    expect(content.title).toBe(':red_circle: DOWN: orders-api');
    expect(content.description).toContain('*Where:* us-east-1, eu-west-1, ap-southeast-2');
    expect(content.description).toContain('*Since:* 12:03 UTC (open for 2m)');
    expect(content.description).toContain('`ASSERTION_FAILED`');
    expect(content.description).toContain('• `status: expected 200, actual 503`');
    expect(content.description).not.toContain('latency: expected');
    expect(content.keywords).toEqual(['outage', 'critical', 'orders-api']);
  });

  it('says how long a resolved incident lasted, in green', () => {
    const { content } = renderChatNotification(outageResolved);
    expect(content.title).toBe(':large_green_circle: UP: orders-api');
    expect(content.description).toContain('*Lasted:* 12:03 UTC to 13:15 UTC (1h 12m)');
  });

  it('links the dashboard and the status page, and leaves next steps out when there is no link', () => {
    expect(renderChatNotification(outageOpened, { statusPageUrl }).content.nextSteps).toEqual([
      `<${outageOpened.dashboardUrl}|Open the dashboard>`,
      `<${statusPageUrl}|Status page>`,
    ]);
    expect(renderChatNotification(degradedReminder).content).not.toHaveProperty('nextSteps');
    expect(renderChatNotification(degradedReminder, { statusPageUrl }).content.nextSteps).toEqual([
      `<${statusPageUrl}|Status page>`,
    ]);
  });

  it('keeps one thread per incident: the same for every event of it, another for the next incident', () => {
    expect(chatThreadId(outageOpened)).toBe('orders-api:outage:2025-03-01T12:03:00.000Z');
    expect(chatThreadId(outageResolved)).toBe(chatThreadId(outageOpened));
    const reminder = { ...outageOpened, id: 'orders-api:outage:8', type: 'reminder' as const };
    expect(renderChatNotification(reminder).metadata.threadId).toBe(chatThreadId(outageOpened));
    const next = { ...outageOpened, id: 'orders-api:outage:13', since: '2025-03-01T18:00:00.000Z' };
    expect(chatThreadId(next)).not.toBe(chatThreadId(outageOpened));
    // Another alert of the same check (a region's probe-missing) is another thread.
    expect(chatThreadId(probeMissing)).toBe(
      'orders-api:probe-missing#ap-southeast-2:2025-03-03T23:58:00.000Z',
    );
  });

  it('makes names, targets and errors inert: no link, mention or broken markup', () => {
    const hostile: LookoutEvent = {
      ...outageOpened,
      checkName: 'Orders <!channel> @here *bold*',
      target: 'https://api.example.com/health?a=1&b=`2`',
      summary: 'Orders <!channel> @here *bold* is down',
      lastFailure: {
        ...(outageOpened.lastFailure as NonNullable<LookoutEvent['lastFailure']>),
        message: 'upstream said <https://evil.example|click here> `rm -rf` @oncall, mail ops@example.com',
      },
    };
    const { content, metadata } = renderChatNotification(hostile);
    const texts = [content.title, content.description, metadata.summary];
    for (const text of texts) {
      expect(text).not.toMatch(/<!|<https:\/\/evil/);
      expect(text).not.toMatch(/(^|\s)@(here|oncall)/);
    }
    expect(content.title).toBe(':red_circle: DOWN: Orders &lt;!channel&gt; @\u200bhere *bold*');
    expect(content.description).toContain("`https://api.example.com/health?a=1&amp;b='2'`");
    expect(content.description).toContain('ops@example.com');
    expect(content.description.split('\n').every((line) => (line.match(/`/g) ?? []).length % 2 === 0)).toBe(
      true,
    );
  });

  it('stays within every limit of the format for a huge event, each piece shortened on its own', () => {
    const failure = outageOpened.lastFailure as NonNullable<LookoutEvent['lastFailure']>;
    const huge: LookoutEvent = {
      ...outageOpened,
      checkName: `Orders ${'très long nom & <service> '.repeat(40)}`,
      checkId: 'x'.repeat(63),
      summary: `${'a very long summary & more '.repeat(80)}`,
      target: `https://api.example.com/${'segment/'.repeat(600)}`,
      lastFailure: {
        ...failure,
        message: `${'<error> & '.repeat(500)}`,
        failedAssertions: Array.from({ length: 400 }, (_, index) => ({
          assertion: {
            source: 'jsonBody' as const,
            property: `$.items[${index}].name`,
            comparison: 'equals' as const,
            target: 'é'.repeat(300),
          },
          passed: false,
          actual: '<&>'.repeat(200),
          message: 'x',
        })),
      },
    };
    const notification = renderChatNotification(huge, { statusPageUrl });
    expect(customNotificationProblems(notification)).toEqual([]);
    // Each piece from the event is shortened on its own (with …), so the whole fits without losing a section.
    expect(notification.content.description).toContain('*Failed assertions:*');
    expect(notification.content.description).toContain('• _and 390 more_');
    expect(notification.content.description).not.toContain(chatDescriptionShortenedNote.trim());
    expect(notification.content.description.length).toBeGreaterThan(3_000);
    expect(notification.content.title.length).toBeLessThanOrEqual(250);
    expect(Buffer.byteLength(JSON.stringify(notification))).toBeLessThan(64 * 1024);
  });

  it('lists at most ten failed assertions and counts the rest', () => {
    const failure = outageOpened.lastFailure as NonNullable<LookoutEvent['lastFailure']>;
    const many: LookoutEvent = {
      ...outageOpened,
      lastFailure: {
        ...failure,
        failedAssertions: Array.from({ length: 13 }, (_, index) => ({
          assertion: { source: 'status' as const, comparison: 'equals' as const, target: 200 },
          passed: false,
          actual: 500 + index,
          message: '',
        })),
      },
    };
    const { description } = renderChatNotification(many).content;
    expect(description.match(/^• `status/gm)).toHaveLength(10);
    expect(description).toContain('• _and 3 more_');
  });
});
