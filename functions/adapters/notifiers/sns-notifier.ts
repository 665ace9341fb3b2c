import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { LookoutEvent } from '../../core/alerting/lookout-event';
import { renderChatNotification } from '../../core/messages/render-chat-notification';
import { renderNotification, snsMessageAttributes } from '../../core/messages/render-notification';
import { NotificationPartlyDeliveredError } from '../../core/ports/notification-partly-delivered-error';
import type { Notifier } from '../../core/ports/notifier';
import { type RetryOptions, retryWithBackoff } from '../retry-with-backoff';
import { buildChatMessage, buildSnsMessage, messageBudgetBytes } from './sns-message';

/** The topics the SNS notifier publishes to, as it names them to the caller when only some accepted an event. */
export type SnsDestination = 'alert-topic' | 'chat-topic';

/** The chat topic (`alerts.chat`): where the notifier publishes each event again, as a chat notification. */
export interface ChatTopicOptions {
  /** The chat topic's ARN (same region and client as the alert topic). */
  topicArn: string;
  /**
   * The status page chat messages link to.
   * @default none
   */
  statusPageUrl?: string;
}

/** How the SNS notifier publishes. */
export interface SnsNotifierOptions {
  /** An SNS client of the topic's region; give it `maxAttempts: 1` (see `createSnsClient`), this retries. */
  client: SNSClient;
  /** The topic every notification goes to. */
  topicArn: string;
  /**
   * The chat topic, which gets every event too, as an Amazon Q Developer custom notification. Each event then
   * costs one more publish (about $0.0000011 with its delivery to the chat service) and at most two KMS
   * requests ($0.000006).
   * @default none
   */
  chat?: ChatTopicOptions;
  /**
   * How publishing retries throttling, 5xx and network errors.
   * @default { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000 }
   */
  retry?: RetryOptions;
}

/**
 * A notifier that publishes each event to an SNS topic with `MessageStructure: 'json'`: the readable email,
 * the SMS line and the JSON event for HTTPS, SQS and Lambda subscribers, with the `event`, `severity`,
 * `checkId` and `kind` attributes for subscription filters. The event is published as given (its dashboard
 * link comes from the evaluator). With a chat topic, the event also goes there, at the same time, as an
 * Amazon Q Developer custom notification (core/messages/render-chat-notification.ts) with the same attributes;
 * the alert topic's message does not change.
 *
 * `publish` resolves once every topic accepted the message, and rejects once retries are exhausted (the caller
 * keeps the event). When one topic accepted and the other did not, it rejects with a
 * `NotificationPartlyDeliveredError` naming the one that did (`alert-topic` or `chat-topic`); given those names
 * back as `accepted`, the next attempt publishes only to the other, so no topic gets an event twice. A publish
 * whose answer was lost may reach subscribers twice; the event's `id` is stable, so they can tell.
 */
export function createSnsNotifier(options: SnsNotifierOptions): Notifier {
  const retry: RetryOptions = { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry };
  const { chat } = options;
  const send = (input: ConstructorParameters<typeof PublishCommand>[0]) =>
    retryWithBackoff(() => options.client.send(new PublishCommand(input)), retry);
  const destinations: Record<SnsDestination, ((event: LookoutEvent) => Promise<unknown>) | undefined> = {
    'alert-topic': async (event) => {
      const rendered = renderNotification(event);
      const attributes = snsMessageAttributes(event);
      return send({
        TopicArn: options.topicArn,
        MessageStructure: 'json',
        Message: buildSnsMessage(rendered, messageBudgetBytes({ ...attributes })),
        Subject: rendered.subject,
        MessageAttributes: toMessageAttributes({ ...attributes }),
      });
    },
    'chat-topic':
      chat === undefined
        ? undefined
        : async (event) => {
            const attributes = snsMessageAttributes(event);
            const links = chat.statusPageUrl === undefined ? {} : { statusPageUrl: chat.statusPageUrl };
            return send({
              TopicArn: chat.topicArn,
              Message: buildChatMessage(renderChatNotification(event, links)),
              MessageAttributes: toMessageAttributes({ ...attributes }),
            });
          },
  };
  return {
    async publish(event: LookoutEvent, accepted: readonly string[] = []): Promise<void> {
      const names = (Object.keys(destinations) as SnsDestination[]).filter(
        (name) => destinations[name] !== undefined,
      );
      const pending = names.filter((name) => !accepted.includes(name));
      const outcomes = await Promise.allSettled(pending.map((name) => destinations[name]?.(event)));
      const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      if (failures.length === 0) return;
      const acceptedNow = names.filter(
        (name) => accepted.includes(name) || outcomes[pending.indexOf(name)]?.status === 'fulfilled',
      );
      if (acceptedNow.length === 0) throw failures[0];
      throw new NotificationPartlyDeliveredError(event.id, acceptedNow, failures[0]);
    },
  };
}

function toMessageAttributes(attributes: Record<string, string>): Record<string, MessageAttributeValue> {
  const mapped: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== '') mapped[name] = { DataType: 'String', StringValue: value };
  }
  return mapped;
}
