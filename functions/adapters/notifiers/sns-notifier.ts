import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { LookoutEvent } from '../../core/alerting/lookout-event';
import { renderNotification, snsMessageAttributes } from '../../core/messages/render-notification';
import type { Notifier } from '../../core/ports/notifier';
import { type RetryOptions, retryWithBackoff } from '../retry-with-backoff';
import { buildSnsMessage, messageBudgetBytes } from './sns-message';

/** How the SNS notifier publishes. */
export interface SnsNotifierOptions {
  /** An SNS client of the topic's region; give it `maxAttempts: 1` (see `createSnsClient`), this retries. */
  client: SNSClient;
  /** The topic every notification goes to. */
  topicArn: string;
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
 * link comes from the evaluator). `publish` resolves once SNS accepted the message,
 * and rejects once retries are exhausted (the caller keeps the event). A publish whose answer was lost may
 * reach subscribers twice; the event's `id` is stable, so they can tell.
 */
export function createSnsNotifier(options: SnsNotifierOptions): Notifier {
  const retry: RetryOptions = { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry };
  return {
    async publish(event: LookoutEvent): Promise<void> {
      const rendered = renderNotification(event);
      const attributes = snsMessageAttributes(event);
      const input = {
        TopicArn: options.topicArn,
        MessageStructure: 'json',
        Message: buildSnsMessage(rendered, messageBudgetBytes({ ...attributes })),
        Subject: rendered.subject,
        MessageAttributes: toMessageAttributes({ ...attributes }),
      };
      await retryWithBackoff(() => options.client.send(new PublishCommand(input)), retry);
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
