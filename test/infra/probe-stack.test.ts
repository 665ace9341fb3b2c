import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { checksForRegion, shardCountFor, validateMonitor } from '../../functions/core';
import { probeShardCapacity } from '../../infra';
import { defined } from './defined';
import {
  actionsOf,
  flattenResource,
  identityStatements,
  resourcesOf,
  statementsWithAction,
} from './iam-statements';
import { manyChecksMonitor, threeRegionMonitor } from './infra-monitors';
import { type SynthesizedLookout, synthLookout } from './synth-lookout';

let lookout: SynthesizedLookout;
let busy: SynthesizedLookout;

beforeAll(() => {
  lookout = synthLookout({ monitor: threeRegionMonitor() });
  busy = synthLookout({ monitor: manyChecksMonitor() });
});

function probeTemplate(synth: SynthesizedLookout, region: string): Template {
  const stack = synth.deployment.probes.get(region);
  if (!stack) throw new Error(`no probe stack in ${region}`);
  return synth.template(stack);
}

function scheduleInputs(template: Template): { scheduledTime: string; shard: number; shardCount: number }[] {
  return Object.values(template.findResources('AWS::Scheduler::Schedule')).map((schedule) =>
    JSON.parse((schedule as { Properties: { Target: { Input: string } } }).Properties.Target.Input),
  );
}

describe('probe stacks', () => {
  it('has one probe stack per region, each in its region', () => {
    expect([...lookout.deployment.probes.keys()]).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    for (const [region, stack] of lookout.deployment.probes) expect(stack.region).toBe(region);
    expect(lookout.deployment.home.region).toBe('us-east-1');
    expect(lookout.deployment.node.findAll().filter((construct) => Stack.isStack(construct))).toHaveLength(4);
  });

  it('creates the same resources in each region, plus alarm forwarding outside the home region', () => {
    for (const region of ['eu-west-1', 'ap-southeast-2']) {
      const template = probeTemplate(lookout, region);
      template.resourceCountIs('AWS::Lambda::Function', 1);
      template.resourceCountIs('AWS::Scheduler::Schedule', 1);
      template.resourceCountIs('AWS::SQS::Queue', 1);
      template.resourceCountIs('AWS::Logs::LogGroup', 1);
      template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
      template.resourceCountIs('AWS::Events::Rule', 1);
      template.resourceCountIs('AWS::IAM::Role', 3);
      template.resourceCountIs('AWS::DynamoDB::Table', 0);
    }
    const home = probeTemplate(lookout, 'us-east-1');
    home.resourceCountIs('AWS::Lambda::Function', 1);
    home.resourceCountIs('AWS::Events::Rule', 0);
    home.resourceCountIs('AWS::IAM::Role', 2);
  });

  it('runs Node.js 24 on arm64 with the home table in its environment', () => {
    probeTemplate(lookout, 'eu-west-1').hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 90,
      FunctionName: 'lookout-probe',
      Handler: 'index.handler',
      Environment: {
        Variables: {
          LOOKOUT_TABLE_NAME: 'lookout-results',
          LOOKOUT_HOME_REGION: 'us-east-1',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
    probeTemplate(lookout, 'eu-west-1').hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('does not retry a failed asynchronous invocation, and sends it to the dead-letter queue', () => {
    probeTemplate(lookout, 'eu-west-1').hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 120,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('schedules every minute with retries, a dead-letter queue and the scheduled time', () => {
    const template = probeTemplate(lookout, 'eu-west-1');
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      },
    });
    expect(scheduleInputs(template)).toEqual([
      { scheduledTime: '<aws.scheduler.scheduled-time>', shard: 0, shardCount: 1 },
    ]);
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'lookout-probe-dead-letters',
      SqsManagedSseEnabled: true,
    });
  });

  it('splits a busy region into shards, one schedule each, and leaves a quiet one whole', () => {
    const resolved = validateMonitor(manyChecksMonitor());
    if (!resolved.ok) throw new Error('fixture is invalid');
    const expected = shardCountFor(checksForRegion(resolved.monitor, 'eu-west-1'), probeShardCapacity);
    expect(expected).toBeGreaterThanOrEqual(2);
    const inputs = scheduleInputs(probeTemplate(busy, 'eu-west-1'));
    expect(inputs).toHaveLength(expected);
    expect(inputs.map((input) => input.shard).sort((a, b) => a - b)).toEqual([...Array(expected).keys()]);
    for (const input of inputs) expect(input.shardCount).toBe(expected);
    expect(scheduleInputs(probeTemplate(busy, 'us-east-1'))).toEqual([
      { scheduledTime: '<aws.scheduler.scheduled-time>', shard: 0, shardCount: 1 },
    ]);
  });

  it('lets the scheduler invoke only the probe function and send only to the dead-letter queue', () => {
    const template = probeTemplate(lookout, 'eu-west-1');
    const [invoke] = statementsWithAction(template, 'lambda:InvokeFunction');
    expect(invoke?.statement.Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ProbeFunction/), 'Arn'],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
  });

  it('writes only to the home table, by name, in the home region', () => {
    const template = probeTemplate(lookout, 'ap-southeast-2');
    const writes = identityStatements(template).filter((entry) =>
      actionsOf(entry.statement).some((action) => action.startsWith('dynamodb:')),
    );
    expect(writes).toHaveLength(1);
    // BatchWriteItem only: results are written once, unconditionally (no conditional `latest` item).
    expect(actionsOf(defined(writes[0], 'a write statement').statement)).toEqual(['dynamodb:BatchWriteItem']);
    expect(resourcesOf(defined(writes[0], 'a write statement').statement).map(flattenResource)).toEqual([
      'arn:<AWS::Partition>:dynamodb:us-east-1:<AWS::AccountId>:table/lookout-results',
    ]);
  });

  it("reads only the secrets of the region's checks, from the home region", () => {
    const ssm = (region: string) =>
      statementsWithAction(probeTemplate(lookout, region), 'ssm:GetParameter').flatMap((entry) =>
        resourcesOf(entry.statement).map(flattenResource),
      );
    const secretsManager = (region: string) =>
      statementsWithAction(probeTemplate(lookout, region), 'secretsmanager:GetSecretValue').flatMap((entry) =>
        resourcesOf(entry.statement).map(flattenResource),
      );
    const parameter = 'arn:<AWS::Partition>:ssm:us-east-1:<AWS::AccountId>:parameter/lookout/orders-token';
    expect(ssm('us-east-1')).toEqual([parameter]);
    expect(secretsManager('us-east-1')).toEqual([]);
    expect(ssm('eu-west-1')).toEqual([parameter]);
    expect(secretsManager('eu-west-1')).toEqual([
      'arn:<AWS::Partition>:secretsmanager:us-east-1:<AWS::AccountId>:secret:prod/partner-key-??????',
    ]);
    const legacy = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/legacy-AbCdEf';
    expect(secretsManager('ap-southeast-2')).toEqual([legacy, `${legacy}-??????`]);
  });

  it('decrypts secrets only through SSM or Secrets Manager in the home region', () => {
    const decrypts = statementsWithAction(probeTemplate(lookout, 'eu-west-1'), 'kms:Decrypt');
    expect(decrypts).toHaveLength(1);
    const decrypt = defined(decrypts[0], 'a kms:Decrypt statement');
    expect(resourcesOf(decrypt.statement).map(flattenResource)).toEqual([
      'arn:<AWS::Partition>:kms:us-east-1:<AWS::AccountId>:key/*',
    ]);
    expect(decrypt.statement.Condition).toEqual({
      StringEquals: {
        'kms:ViaService': ['secretsmanager.us-east-1.amazonaws.com', 'ssm.us-east-1.amazonaws.com'],
      },
    });
  });

  it('calls no CloudWatch API: its own metrics are embedded metric format lines in its log', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
      expect(statementsWithAction(probeTemplate(lookout, region), 'cloudwatch:PutMetricData')).toEqual([]);
    }
  });

  it('grants no wildcard action, and a wildcard resource only where an API needs one, under a condition', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
      for (const { statement, source } of identityStatements(probeTemplate(lookout, region))) {
        for (const action of actionsOf(statement)) expect(action, source).not.toContain('*');
        for (const resource of resourcesOf(statement).map(flattenResource)) {
          if (!resource.includes('*')) continue;
          expect(statement.Condition, `${source}: ${resource}`).toBeDefined();
          expect(actionsOf(statement), source).toEqual(
            resource === '*' ? ['cloudwatch:PutMetricData'] : ['kms:Decrypt'],
          );
        }
      }
    }
  });

  it('alarms on errors, throttles, duration near the timeout, skipped probes and dead letters', () => {
    const template = probeTemplate(lookout, 'eu-west-1');
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => (alarm as { Properties: { AlarmName: string } }).Properties.AlarmName)
      .sort();
    expect(names).toEqual([
      'lookout.probe.dead-letters',
      'lookout.probe.duration-near-timeout',
      'lookout.probe.errors',
      'lookout.probe.probes-skipped',
      'lookout.probe.throttles',
    ]);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'lookout.probe.duration-near-timeout',
      MetricName: 'Duration',
      Threshold: 72_000,
    });
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect((alarm as { Properties: Record<string, unknown> }).Properties.AlarmActions).toBeUndefined();
    }
  });

  it("forwards its alarms' state changes to the home region's event bus", () => {
    probeTemplate(lookout, 'eu-west-1').hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
        detail: Match.objectLike({ alarmName: [{ prefix: 'lookout.' }] }),
      },
      Targets: [
        Match.objectLike({
          Arn: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':events:us-east-1:',
                { Ref: 'AWS::AccountId' },
                ':event-bus/default',
              ],
            ],
          },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });
});

describe('the round queue', () => {
  function propertiesOf(template: Template, type: string): Record<string, unknown>[] {
    return Object.values(template.findResources(type)).map(
      (resource) => (resource as { Properties: Record<string, unknown> }).Properties,
    );
  }

  it('exists only in a region with sub-minute checks', () => {
    expect(propertiesOf(probeTemplate(lookout, 'eu-west-1'), 'AWS::SQS::Queue')).toHaveLength(1);
    expect(propertiesOf(probeTemplate(busy, 'us-east-1'), 'AWS::SQS::Queue')).toHaveLength(1);
    expect(propertiesOf(probeTemplate(busy, 'eu-west-1'), 'AWS::SQS::Queue')).toHaveLength(2);
    expect(busy.deployment.probes.get('eu-west-1')?.roundQueue).toBeDefined();
    expect(busy.deployment.probes.get('us-east-1')?.roundQueue).toBeUndefined();
    expect(lookout.deployment.probes.get('eu-west-1')?.roundQueue).toBeUndefined();
  });

  it('is encrypted, TLS only, unnamed (so it cannot collide), and sends a failed round to the dead-letter queue at once', () => {
    const template = probeTemplate(busy, 'eu-west-1');
    const rounds = propertiesOf(template, 'AWS::SQS::Queue').filter(
      (queue) => queue.RedrivePolicy !== undefined,
    );
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 90,
      RedrivePolicy: {
        maxReceiveCount: 1,
        deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/^DeadLetters/), 'Arn'] },
      },
    });
    expect(rounds[0]?.QueueName).toBeUndefined();
    expect(propertiesOf(template, 'AWS::SQS::QueuePolicy')).toContainEqual({
      PolicyDocument: expect.objectContaining({
        Statement: [
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      }),
      Queues: [{ Ref: expect.stringMatching(/^Rounds/) }],
    });
  });

  it('invokes the probe function with one round at a time, reporting failed messages by id', () => {
    expect(propertiesOf(probeTemplate(busy, 'eu-west-1'), 'AWS::Lambda::EventSourceMapping')).toEqual([
      {
        BatchSize: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        EventSourceArn: { 'Fn::GetAtt': [expect.stringMatching(/^Rounds/), 'Arn'] },
        FunctionName: { Ref: expect.stringMatching(/^ProbeFunction/) },
      },
    ]);
    expect(propertiesOf(probeTemplate(busy, 'us-east-1'), 'AWS::Lambda::EventSourceMapping')).toEqual([]);
  });

  it("gives the function the queue's URL, and its role only what the function and the queue's poller call, on that queue", () => {
    const template = probeTemplate(busy, 'eu-west-1');
    const variables = (properties: Record<string, unknown>) =>
      (properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(propertiesOf(template, 'AWS::Lambda::Function').map(variables)).toEqual([
      expect.objectContaining({ LOOKOUT_ROUND_QUEUE_URL: { Ref: expect.stringMatching(/^Rounds/) } }),
    ]);
    const home = propertiesOf(probeTemplate(busy, 'us-east-1'), 'AWS::Lambda::Function').map(variables);
    expect(home.every((each) => !('LOOKOUT_ROUND_QUEUE_URL' in each))).toBe(true);
    const onRounds = identityStatements(template).filter(({ statement }) =>
      JSON.stringify(resourcesOf(statement)).includes('"Rounds'),
    );
    expect(onRounds.map(({ statement }) => actionsOf(statement).sort())).toEqual([
      ['sqs:SendMessage'],
      ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
    ]);
    for (const { statement, source } of onRounds) {
      expect(source).toMatch(/ProbeRole/);
      expect(resourcesOf(statement)).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^Rounds/), 'Arn'] }]);
    }
  });
});
