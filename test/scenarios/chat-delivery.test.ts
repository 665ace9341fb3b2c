import { describe, expect, it } from 'vitest';
import { createSnsClient } from '../../functions/adapters/aws-clients';
import { createSnsNotifier } from '../../functions/adapters/notifiers/sns-notifier';
import { NotificationPartlyDeliveredError } from '../../functions/core/ports/notification-partly-delivered-error';
import type { LogEntry } from '../../functions/runtime/evaluation-deps';
import { outageOpened } from '../core/messages/event-fixtures';
import { closeAfterEach } from '../support/close-after-each';
import { fakeCredentials, fastRetry } from '../support/fast-retry';
import { oneCheckMonitor, Scenario } from '../support/scenario';
import { startSnsEndpoint } from '../support/sns-endpoint';
import { useDynamo } from '../support/use-dynamo';

const db = useDynamo();
const track = closeAfterEach();

const alertTopicArn = 'arn:aws:sns:us-east-1:123456789012:lookout-alerts';
const chatTopicArn = 'arn:aws:sns:us-east-1:123456789012:lookout-alerts-chat';

/**
 * A loopback SNS endpoint whose topics exist only once `topics` lists them (others answer NotFound, which is
 * not retried), and the real SNS notifier publishing to both topics.
 */
async function setUp(existing: string[]) {
  const topics = [...existing];
  const endpoint = await track(startSnsEndpoint(topics));
  const client = createSnsClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: fakeCredentials,
  });
  await track(Promise.resolve({ close: async () => client.destroy() }));
  const withChat = createSnsNotifier({
    client,
    topicArn: alertTopicArn,
    chat: { topicArn: chatTopicArn },
    retry: fastRetry(2),
  });
  const withoutChat = createSnsNotifier({ client, topicArn: alertTopicArn, retry: fastRetry(2) });
  const published = (topicArn: string) =>
    endpoint.published.filter((publish) => publish.topicArn === topicArn);
  return { topics, endpoint, withChat, withoutChat, published };
}

describe('alerts in chat: every topic gets each event exactly once', () => {
  it("leaves the alert topic's message exactly as it is without a chat topic", async () => {
    const { withChat, withoutChat, published } = await setUp([alertTopicArn, chatTopicArn]);
    await withoutChat.publish(outageOpened);
    await withChat.publish(outageOpened);
    const [alone, beside] = published(alertTopicArn);
    const { messageId: _a, ...aloneRequest } = alone ?? (undefined as never);
    const { messageId: _b, ...besideRequest } = beside ?? (undefined as never);
    expect(besideRequest).toEqual(aloneRequest);
    const [chat] = published(chatTopicArn);
    expect(chat?.messageStructure).toBeUndefined();
    expect(JSON.parse(chat?.message ?? '{}')).toMatchObject({
      version: '1.0',
      source: 'custom',
      id: outageOpened.id,
    });
    // The same attributes, so a chat subscription can filter (say, only critical) as an email one can.
    expect(chat?.attributes).toEqual(beside?.attributes);
  });

  it('names the topic that accepted when the other refused, and then publishes only to the other', async () => {
    const { topics, withChat, published } = await setUp([alertTopicArn]);
    const refusal = await withChat.publish(outageOpened).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(NotificationPartlyDeliveredError);
    expect(refusal).toMatchObject({
      code: 'LOOKOUT_NOTIFICATION_PARTLY_DELIVERED',
      eventId: outageOpened.id,
      accepted: ['alert-topic'],
      cause: { name: 'NotFoundException' },
    });
    topics.push(chatTopicArn);
    await withChat.publish(outageOpened, ['alert-topic']);
    expect(published(alertTopicArn)).toHaveLength(1);
    expect(published(chatTopicArn)).toHaveLength(1);
  });

  it('rejects with the plain error when no topic accepted', async () => {
    const { withChat } = await setUp([]);
    await expect(withChat.publish(outageOpened)).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  for (const [missing, accepted] of [
    [chatTopicArn, alertTopicArn],
    [alertTopicArn, chatTopicArn],
  ] as const) {
    it(`keeps the event queued while ${missing.endsWith('chat') ? 'the chat topic' : 'the alert topic'} refuses, without publishing it again to the one that accepted`, async () => {
      const { topics, withChat, published } = await setUp([accepted]);
      const log: LogEntry[] = [];
      const run = new Scenario(oneCheckMonitor({}, { alerts: { chat: true } }), {
        endpoint: db.endpoint,
        tableName: db.tableName,
        notifier: withChat,
      });
      const deps = run.deps.bind(run);
      run.deps = (owner) => ({ ...deps(owner), log: (entry) => log.push(entry) });
      await run.round('orders-api', () => 'ok');
      await run.round('orders-api', () => 'fail');
      await run.round('orders-api', () => 'fail');
      // The transition happened; the accepting topic has the event, the other refused it.
      expect(published(accepted)).toHaveLength(1);
      expect(published(missing)).toHaveLength(0);
      const [state] = await run.store.alertStates('orders-api', 'strong');
      const eventId = state?.outbox[0]?.id ?? '';
      expect(state?.outbox.map((event) => event.type)).toEqual(['opened']);
      expect(state?.partlyDelivered).toEqual({
        [eventId]: [accepted === alertTopicArn ? 'alert-topic' : 'chat-topic'],
      });
      expect(log.at(-1)).toMatchObject({ level: 'error', eventId, acceptedBy: [expect.any(String)] });

      // Sweeps retry while the other topic still refuses: nothing goes to the one that accepted.
      await run.sweep();
      await run.sweep();
      expect(published(accepted)).toHaveLength(1);
      expect(published(missing)).toHaveLength(0);

      // Once it accepts, the next sweep sends it there, once, and the event leaves the outbox.
      topics.push(missing);
      await run.sweep();
      await run.sweep();
      expect(published(accepted)).toHaveLength(1);
      expect(published(missing)).toHaveLength(1);
      const [after] = await run.store.alertStates('orders-api', 'strong');
      expect(after?.outbox).toEqual([]);
      expect(after?.partlyDelivered).toBeUndefined();
      expect(after?.notifiedStatus).toBe('firing');

      // The next transition goes to both topics at once, as usual.
      await run.round('orders-api', () => 'ok');
      await run.round('orders-api', () => 'ok');
      expect(published(accepted)).toHaveLength(2);
      expect(published(missing)).toHaveLength(2);
    });
  }
});
