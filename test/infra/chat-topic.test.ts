import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatAlertsDeclaration,
  defineMonitor,
  http,
  type MonitorDeclaration,
  tcp,
  validateMonitor,
} from '../../functions/core';
import {
  handlerEnvironment,
  handlerVariables,
  optionalHandlerEnvironment,
} from '../../functions/core/contract/handler-environment';
import { chatTopicFromEnvironment } from '../../functions/handlers/evaluation-environment';
import { Lookout } from '../../infra';
import { externalTool } from '../support/external-tool';
import { expectProblem } from '../support/validation-cases';
import { actionsOf, identityStatements, resourcesOf } from './iam-statements';
import { nameCollisions, namedResources } from './named-resources';
import { resourcesOf as resourcesOfType, type SynthesizedLookout, synthLookout } from './synth-lookout';

const account = '123456789012';

function chatMonitor(chat: boolean | ChatAlertsDeclaration = true): MonitorDeclaration {
  return defineMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    alerts: { email: ['oncall@example.com'], chat },
    checks: [
      http({ id: 'api', url: 'https://api.example.com/health', slo: { availability: 99.9 } }),
      tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
    ],
  });
}

const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});
function freshOutdir(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'lookout-chat-'));
  outdirs.push(outdir);
  return outdir;
}

let withChat: SynthesizedLookout;
let home: Template;
let withChatOutdir: string;

beforeAll(() => {
  withChatOutdir = freshOutdir();
  withChat = synthLookout({
    monitor: chatMonitor({ statusPageUrl: 'https://status.example.com/' }),
    nag: true,
    outdir: withChatOutdir,
  });
  home = withChat.template(withChat.deployment.home);
});

/** The logical id of the one resource of a type whose property has a value. */
function logicalIdOf(template: Template, type: string, property: string, value: unknown): string {
  const found = resourcesOfType(template, type).filter(
    ([, resource]) => resource.Properties[property] === value,
  );
  expect(found, `${type} with ${property} ${String(value)}`).toHaveLength(1);
  return (found[0] as [string, unknown])[0];
}

describe('alerts.chat in the declaration', () => {
  it('resolves to a chat topic only when declared, with its status page link', () => {
    const resolve = (chat: unknown) => {
      const validation = validateMonitor({ ...chatMonitor(), alerts: { chat } });
      if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
      return validation.monitor.alerts;
    };
    expect(resolve(true).chat).toEqual({});
    expect(resolve({}).chat).toEqual({});
    expect(resolve({ statusPageUrl: 'https://status.example.com/' }).chat).toEqual({
      statusPageUrl: 'https://status.example.com/',
    });
    expect(resolve(false)).not.toHaveProperty('chat');
    expect(resolve(undefined)).not.toHaveProperty('chat');
  });

  it('reports a status page that is not an https:// URL, or too long, a mistyped value and an unknown key', () => {
    const withChat = (chat: unknown) => ({ ...chatMonitor(), alerts: { chat } });
    expectProblem(withChat({ statusPageUrl: 'http://status.example.com/' }), {
      path: 'alerts.chat.statusPageUrl',
      checkId: undefined,
      reason: 'must be an https:// URL',
    });
    expectProblem(withChat({ statusPageUrl: `https://status.example.com/${'x'.repeat(200)}` }), {
      path: 'alerts.chat.statusPageUrl',
      checkId: undefined,
      reason: 'at most 200',
    });
    expectProblem(withChat('slack'), {
      path: 'alerts.chat',
      checkId: undefined,
      reason: "true, false or { statusPageUrl: 'https://...' }",
    });
    expectProblem(withChat({ statusPage: 'https://status.example.com/' }), {
      path: 'alerts.chat.statusPage',
      checkId: undefined,
      reason: 'unknown key "statusPage" (did you mean "statusPageUrl"?)',
    });
  });

  it('makes the handlers fail at cold start when the monitor declares it and the topic is not named', () => {
    const validation = validateMonitor(chatMonitor());
    if (!validation.ok) throw new Error('invalid');
    expect(() => chatTopicFromEnvironment('sweep', validation.monitor, {})).toThrow(
      /declares alerts.chat, and LOOKOUT_CHAT_TOPIC_ARN names no chat topic/,
    );
    const none = validateMonitor(chatMonitor(false));
    if (!none.ok) throw new Error('invalid');
    expect(chatTopicFromEnvironment('sweep', none.monitor, { LOOKOUT_CHAT_TOPIC_ARN: 'arn:x' })).toEqual({});
  });
});

describe('the chat topic', () => {
  it('is a second topic, encrypted with the alert topic key, TLS only, with nothing subscribed', () => {
    const topics = resourcesOfType(home, 'AWS::SNS::Topic');
    expect(topics.map(([, topic]) => topic.Properties.TopicName).sort()).toEqual([
      'lookout-alerts',
      'lookout-alerts-chat',
    ]);
    home.resourceCountIs('AWS::KMS::Key', 1);
    const keyOf = (name: string) =>
      topics.find(([, topic]) => topic.Properties.TopicName === name)?.[1].Properties.KmsMasterKeyId;
    expect(keyOf('lookout-alerts-chat')).toEqual(keyOf('lookout-alerts'));
    expect(keyOf('lookout-alerts-chat')).toBeDefined();
    const chatId = logicalIdOf(home, 'AWS::SNS::Topic', 'TopicName', 'lookout-alerts-chat');
    const policies = resourcesOfType(home, 'AWS::SNS::TopicPolicy').filter(([, policy]) =>
      JSON.stringify(policy.Properties.Topics).includes(chatId),
    );
    expect(policies).toHaveLength(1);
    expect(JSON.stringify(policies[0]?.[1].Properties.PolicyDocument)).toContain(
      '"aws:SecureTransport":"false"',
    );
    const subscriptions = resourcesOfType(home, 'AWS::SNS::Subscription');
    expect(
      subscriptions.filter(([, sub]) => JSON.stringify(sub.Properties.TopicArn).includes(chatId)),
    ).toEqual([]);
  });

  it('is named in a stack output, for the chat channel configuration', () => {
    const chatId = logicalIdOf(home, 'AWS::SNS::Topic', 'TopicName', 'lookout-alerts-chat');
    const outputs = Object.values(home.findOutputs('*')) as { Value: unknown; Description?: string }[];
    const output = outputs.find(
      (candidate) => JSON.stringify(candidate.Value) === JSON.stringify({ Ref: chatId }),
    );
    expect(output?.Description).toMatch(/Amazon Q Developer in chat applications/);
  });

  it('is named to evaluate and sweep (exactly their variables, and this one), which may publish to it', () => {
    const chatId = logicalIdOf(home, 'AWS::SNS::Topic', 'TopicName', 'lookout-alerts-chat');
    const functions = resourcesOfType(home, 'AWS::Lambda::Function');
    expect(functions).toHaveLength(2);
    for (const [, fn] of functions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const handler = String(fn.Properties.FunctionName).endsWith('-sweep') ? 'sweep' : 'evaluate';
      expect(Object.keys(variables).sort()).toEqual(
        [...handlerEnvironment[handler], handlerVariables.chatTopicArn, 'NODE_OPTIONS'].sort(),
      );
      expect(optionalHandlerEnvironment[handler]).toContain(handlerVariables.chatTopicArn);
      expect(variables[handlerVariables.chatTopicArn]).toEqual({ Ref: chatId });
    }
    const publishers = identityStatements(home).filter(
      ({ statement }) =>
        actionsOf(statement).includes('sns:Publish') &&
        resourcesOf(statement).some(
          (resource) => JSON.stringify(resource) === JSON.stringify({ Ref: chatId }),
        ),
    );
    expect(publishers.map(({ source }) => source.split(' ')[1]).sort()).toEqual([
      expect.stringMatching(/^Evaluate/),
      expect.stringMatching(/^Sweep/),
    ]);
  });

  it('does not exist without alerts.chat, and nothing names it', () => {
    const plain = synthLookout({ monitor: chatMonitor(false) });
    const template = plain.template(plain.deployment.home);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    for (const [, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
      expect(Object.keys((fn.Properties.Environment as { Variables: object }).Variables)).not.toContain(
        handlerVariables.chatTopicArn,
      );
    }
  });

  it('leaves cdk-nag (AwsSolutions, Serverless) nothing to report', () => {
    const report = JSON.parse(readFileSync(join(withChatOutdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: { ruleName: string }[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations.map((v) => v.ruleName))).toEqual([]);
  });

  const cfnLint = externalTool('cfn-lint');
  it.skipIf(!cfnLint.available)(`passes cfn-lint${cfnLint.skipNote}`, () => {
    const template = join(withChatOutdir, withChat.deployment.home.templateFile);
    const run = spawnSync('cfn-lint', ['--format', 'json', '--regions', 'us-east-1', '--', template], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.error) throw run.error;
    const findings = JSON.parse(run.stdout || '[]') as { Rule: { Id: string }; Message: string }[];
    // W3005 is aws-cdk-lib's own redundant DependsOn on a function's role (see cfn-lint.test.ts).
    expect(findings.filter((finding) => finding.Rule.Id !== 'W3005')).toEqual([]);
  });

  it('has a physical name unique per account and region, even beside a Lookout whose prefix extends another', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    // Prefixes that extend each other by the words of the topics' names: no topic name may be another's.
    for (const [id, resourcePrefix] of [
      ['Lookout', 'lookout'],
      ['LookoutAlerts', 'lookout-alerts'],
      ['LookoutChat', 'lookout-chat'],
      ['LookoutAlertsChat', 'lookout-alerts-chat'],
    ] as const) {
      new Lookout(app, id, { monitor: chatMonitor(), account, resourcePrefix });
    }
    const named = namedResources(app.synth());
    const topicNames = named.filter((entry) => entry.type === 'AWS::SNS::Topic').map((entry) => entry.name);
    expect(topicNames).toHaveLength(8);
    expect(topicNames).toContain('lookout-alerts-chat');
    expect(nameCollisions(named)).toEqual([]);
  });
});
