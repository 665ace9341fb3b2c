import { describe, expect, it } from 'vitest';
import { createSnsClient } from '../../../functions/adapters/aws-clients';
import { createSnsNotifier } from '../../../functions/adapters/notifiers/sns-notifier';
import type { LookoutEvent } from '../../../functions/core/alerting/lookout-event';
import { renderNotification } from '../../../functions/core/messages/render-notification';
import { outageOpened } from '../../core/messages/event-fixtures';
import { closeAfterEach } from '../../support/close-after-each';
import { fakeCredentials, fastRetry } from '../../support/fast-retry';
import { formFields, type SnsEndpoint, startSnsEndpoint } from '../../support/sns-endpoint';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:lookout-alerts';
const track = closeAfterEach();

async function setUp(attempts = 4, options: { topic?: string } = {}) {
  const endpoint: SnsEndpoint = await track(startSnsEndpoint([topicArn]));
  const client = createSnsClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: fakeCredentials,
  });
  await track(Promise.resolve({ close: async () => client.destroy() }));
  const retry = fastRetry(attempts);
  const notifier = createSnsNotifier({ client, topicArn: options.topic ?? topicArn, retry });
  return { endpoint, notifier, retry };
}

/** The opened outage, without a dashboard link of its own. */
const { dashboardUrl: _ownLink, ...event } = outageOpened satisfies LookoutEvent;

describe('createSnsNotifier', () => {
  it('publishes a JSON-structured message with subject, email, SMS, the JSON event and string attributes', async () => {
    const { endpoint, notifier } = await setUp();
    await notifier.publish(outageOpened);

    expect(endpoint.published).toHaveLength(1);
    const [publish] = endpoint.published;
    const rendered = renderNotification(outageOpened);
    expect(publish?.topicArn).toBe(topicArn);
    expect(publish?.messageStructure).toBe('json');
    expect(publish?.subject).toBe('[Lookout] DOWN orders-api: down in 3 of 3 regions');
    const message = JSON.parse(publish?.message ?? '{}');
    expect(Object.keys(message).sort()).toEqual([
      'default',
      'email',
      'email-json',
      'https',
      'lambda',
      'sms',
      'sqs',
    ]);
    expect(JSON.parse(message.default)).toEqual(outageOpened);
    for (const key of ['email-json', 'https', 'sqs', 'lambda']) expect(message[key]).toBe(message.default);
    expect(message.email).toBe(rendered.email);
    expect(message.email).toContain(`Dashboard: ${outageOpened.dashboardUrl}`);
    expect(message.sms).toBe(rendered.sms);
    expect(publish?.attributes).toEqual({
      event: { dataType: 'String', stringValue: 'opened' },
      severity: { dataType: 'String', stringValue: 'critical' },
      checkId: { dataType: 'String', stringValue: 'orders-api' },
      kind: { dataType: 'String', stringValue: 'outage' },
    });
    const fields = formFields(endpoint.requests[0] ?? (undefined as never));
    expect(fields.Action).toBe('Publish');
    expect(endpoint.requests[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\//);
  });

  it('adds no dashboard link of its own: the link reaches an event only through the evaluator', async () => {
    const { endpoint, notifier } = await setUp();
    await notifier.publish(event);
    const message = JSON.parse(endpoint.published[0]?.message ?? '{}');
    expect(JSON.parse(message.default)).toEqual(event);
    expect(message.email).not.toContain('Dashboard:');
  });

  it('retries 500s and throttling, and SNS accepts exactly one message', async () => {
    const { endpoint, notifier, retry } = await setUp();
    endpoint.failNext(2, 'server-error');
    endpoint.failNext(1, 'throttling');
    await notifier.publish(event);
    expect(endpoint.requests.map((request) => request.fault ?? 'ok')).toEqual([
      'server-error',
      'server-error',
      'throttling',
      'ok',
    ]);
    expect(endpoint.published).toHaveLength(1);
    expect(retry.delaysMs).toEqual([50, 100, 200]);
  });

  it('rejects once retries are exhausted, having delivered nothing', async () => {
    const { endpoint, notifier } = await setUp(3);
    endpoint.failNext(10, 'server-error');
    await expect(notifier.publish(event)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(endpoint.requests).toHaveLength(3);
    expect(endpoint.published).toHaveLength(0);
  });

  it('does not retry an error that will not go away', async () => {
    const { endpoint, notifier } = await setUp(4, { topic: `${topicArn}-gone` });
    await expect(notifier.publish(event)).rejects.toMatchObject({ name: 'NotFoundException' });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('shortens a huge email so the message stays within 256 KiB', async () => {
    const { endpoint, notifier } = await setUp();
    const failure = outageOpened.lastFailure ?? (undefined as never);
    const failedAssertions = Array.from({ length: 400 }, (_, index) => ({
      ...failure.failedAssertions[0],
      assertion: { source: 'status' as const, comparison: 'equals' as const, target: 200 },
      passed: false,
      actual: 500 + (index % 100),
      message: `attempt ${index}: ${'the upstream answered with an error page '.repeat(12)}`,
    }));
    await notifier.publish({ ...event, lastFailure: { ...failure, failedAssertions } });
    const [publish] = endpoint.published;
    expect(Buffer.byteLength(publish?.message ?? '')).toBeLessThanOrEqual(262_144);
    const message = JSON.parse(publish?.message ?? '{}');
    expect(message.email).toContain('shortened to fit the SNS message size limit');
    expect(JSON.parse(message.default).lastFailure.failedAssertions).toHaveLength(400);
  });
});
