import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnsClient } from '../../functions/adapters/aws-clients';
import { createSnsNotifier } from '../../functions/adapters/notifiers/sns-notifier';
import type { LookoutEvent } from '../../functions/core/alerting/lookout-event';
import type { MonitorDeclaration } from '../../functions/core/declare/declarations';
import type { ChatNotification } from '../../functions/core/messages/render-chat-notification';
import { validateMonitor } from '../../functions/core/validate/validate-monitor';
import { chatTopicFromEnvironment } from '../../functions/handlers/evaluation-environment';
import { customNotificationProblems, renderChatForGolden } from '../core/messages/chat-notification-schema';
import { closeAfterEach } from '../support/close-after-each';
import { fakeCredentials, fastRetry } from '../support/fast-retry';
import { expectGolden } from '../support/golden-notification';
import { oneCheckMonitor, recordingNotifier, Scenario } from '../support/scenario';
import { type DecodedPublish, startSnsEndpoint } from '../support/sns-endpoint';
import { useDynamo } from '../support/use-dynamo';

const goldenDir = join(import.meta.dirname, 'golden');
const db = useDynamo();
const track = closeAfterEach();

const alertTopicArn = 'arn:aws:sns:us-east-1:123456789012:lookout-alerts';
const chatTopicArn = 'arn:aws:sns:us-east-1:123456789012:lookout-alerts-chat';
const statusPageUrl = 'https://status.example.com/';
const dashboardUrl =
  'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/lookout';

/**
 * The real evaluator and sweep over dynalite, publishing through the real SNS notifier, configured as the
 * evaluate handler configures it (`chatTopicFromEnvironment`), to a loopback SNS endpoint: what the chat
 * channel would receive, and what the alert topic's subscribers receive beside it.
 */
async function chatScenario(extra: Record<string, unknown>, monitorExtra: Partial<MonitorDeclaration> = {}) {
  const endpoint = await track(startSnsEndpoint([alertTopicArn, chatTopicArn]));
  const client = createSnsClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: fakeCredentials,
  });
  await track(Promise.resolve({ close: async () => client.destroy() }));
  const declaration = oneCheckMonitor(
    { name: 'Orders API', ...extra },
    { alerts: { chat: { statusPageUrl } }, ...monitorExtra },
  );
  // The chat options come from the validated monitor and the variable infra sets, as in the evaluate handler.
  const validation = validateMonitor(declaration);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const { chat } = chatTopicFromEnvironment('evaluate', validation.monitor, {
    LOOKOUT_CHAT_TOPIC_ARN: chatTopicArn,
  });
  expect(chat).toEqual({ topicArn: chatTopicArn, statusPageUrl });
  const sns = createSnsNotifier({
    client,
    topicArn: alertTopicArn,
    ...(chat === undefined ? {} : { chat }),
    retry: fastRetry(2),
  });
  const recorder = recordingNotifier();
  const run = new Scenario(declaration, {
    endpoint: db.endpoint,
    tableName: db.tableName,
    notifier: {
      publish: (event, accepted) => sns.publish(event, accepted).then(() => recorder.publish(event)),
    },
  });
  const deps = run.deps.bind(run);
  run.deps = (owner) => ({ ...deps(owner), dashboardUrl });
  const chatMessages = () =>
    endpoint.published
      .filter((publish) => publish.topicArn === chatTopicArn)
      .map((publish) => JSON.parse(publish.message) as ChatNotification);
  const alertMessages = () => endpoint.published.filter((publish) => publish.topicArn === alertTopicArn);
  return { run, sent: recorder.sent, endpoint, chatMessages, alertMessages };
}

/** The chat message of each event sent, in order; each one checked against the documented format. */
function conforming(messages: ChatNotification[]): ChatNotification[] {
  for (const message of messages) expect(customNotificationProblems(message), message.id).toEqual([]);
  return messages;
}

function alertEvents(publishes: DecodedPublish[]): LookoutEvent[] {
  return publishes.map((publish) => JSON.parse(JSON.parse(publish.message).default) as LookoutEvent);
}

describe('chat messages of events the evaluator produced (golden; UPDATE_GOLDEN=1 rewrites them)', () => {
  it('an outage in 2 of 3 regions: opened, a reminder, resolved in one thread; the next incident in another', async () => {
    const { run, sent, chatMessages, alertMessages } = await chatScenario({ alert: { remindEvery: '30m' } });
    const failing = (region: string) => (region === 'us-east-1' ? 'ok' : 'fail');
    await run.round('orders-api', () => 'ok');
    for (let round = 0; round < 32; round += 1) {
      await run.round('orders-api', failing);
      await run.sweep();
    }
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', () => 'ok');
    for (let round = 0; round < 3; round += 1) await run.round('orders-api', failing);

    expect(sent.map((event) => event.type)).toEqual(['opened', 'reminder', 'resolved', 'opened']);
    const messages = conforming(chatMessages());
    // Every event reached both topics, once; the alert topic's subscribers got the JSON event as before.
    expect(messages.map((message) => message.id)).toEqual(sent.map((event) => event.id));
    expect(alertEvents(alertMessages())).toEqual(sent);
    const [opened, reminder, resolved, next] = messages as [
      ChatNotification,
      ChatNotification,
      ChatNotification,
      ChatNotification,
    ];
    expect(new Set([opened, reminder, resolved].map((message) => message.metadata.threadId)).size).toBe(1);
    expect(next.metadata.threadId).not.toBe(opened.metadata.threadId);
    expectGolden(join(goldenDir, 'chat-outage-opened.txt'), renderChatForGolden(opened));
    expectGolden(join(goldenDir, 'chat-outage-reminder.txt'), renderChatForGolden(reminder));
    expectGolden(join(goldenDir, 'chat-outage-resolved.txt'), renderChatForGolden(resolved));
  });

  it('a certificate warning escalated to critical, then renewed: one thread', async () => {
    const { run, sent, chatMessages } = await chatScenario({ url: 'https://www.example.com/' });
    for (let day = 22; day >= 6; day -= 1) {
      await run.round('orders-api', () => ({ ok: true, tls: { daysUntilExpiry: day + 0.5 } }));
      await run.sweep();
    }
    await run.round('orders-api', () => ({ ok: true, tls: { daysUntilExpiry: 89 } }));
    await run.sweep();
    await run.sweep();
    const certificate = sent.filter((event) => event.kind === 'certificate');
    expect(certificate.map((event) => [event.type, event.severity])).toEqual([
      ['opened', 'warning'],
      ['escalated', 'critical'],
      ['resolved', 'info'],
    ]);
    const messages = conforming(chatMessages()).filter(
      (message) => message.content.keywords[0] === 'certificate',
    );
    expect(messages.map((message) => message.id)).toEqual(certificate.map((event) => event.id));
    expect(new Set(messages.map((message) => message.metadata.threadId)).size).toBe(1);
    expectGolden(
      join(goldenDir, 'chat-certificate-escalated.txt'),
      renderChatForGolden(messages[1] as never),
    );
  });

  it('an SLO page', async () => {
    const { run, sent, chatMessages } = await chatScenario({
      slo: { availability: 99.9 },
      alert: { regionsToFail: 3 },
    });
    for (let round = 0; round < 6; round += 1) {
      await run.round('orders-api', (region) => (region === 'eu-west-1' ? 'fail' : 'ok'));
      await run.sweep();
    }
    const page = sent.find((event) => event.kind === 'slo-availability');
    expect(page?.severity).toBe('critical');
    const message = conforming(chatMessages()).find((candidate) => candidate.id === page?.id);
    expectGolden(join(goldenDir, 'chat-slo-page.txt'), renderChatForGolden(message as never));
  });
});
