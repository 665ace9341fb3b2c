import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineMonitor, http } from '../../functions/core';
import type { ScheduledInput } from '../../functions/core/contract/schedule-input';
import { checksPerSweepShard, sweepShardCount } from '../../functions/core/schedule/placement';
import { defined } from './defined';
import {
  actionsOf,
  allStatements,
  flattenResource,
  identityStatements,
  resourcesOf,
  statementsWithAction,
} from './iam-statements';
import { threeRegionMonitor } from './infra-monitors';
import { type SynthesizedLookout, synthLookout } from './synth-lookout';

let lookout: SynthesizedLookout;
let home: Template;

beforeAll(() => {
  lookout = synthLookout({ monitor: threeRegionMonitor() });
  home = lookout.template(lookout.deployment.home);
});

interface Widget {
  type: string;
  properties: { title?: string; markdown?: string; metrics?: unknown[][]; region?: string };
}

function dashboardWidgets(name: string): Widget[] {
  const dashboard = (
    Object.values(home.findResources('AWS::CloudWatch::Dashboard')) as {
      Properties: { DashboardBody: unknown; DashboardName: string };
    }[]
  ).find((candidate) => candidate.Properties.DashboardName === name);
  const body = defined(dashboard, `the dashboard ${name}`).Properties.DashboardBody;
  expect(typeof body).toBe('string');
  return (JSON.parse(body as string) as { widgets: Widget[] }).widgets;
}

describe('home stack', () => {
  it('holds the table, two functions, the topic, the dashboard, alarms and the alarm route', () => {
    home.resourceCountIs('AWS::DynamoDB::Table', 1);
    home.resourceCountIs('AWS::Lambda::Function', 2);
    home.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    home.resourceCountIs('AWS::Scheduler::Schedule', 1);
    home.resourceCountIs('AWS::SNS::Topic', 1);
    home.resourceCountIs('AWS::KMS::Key', 1);
    home.resourceCountIs('AWS::SQS::Queue', 1);
    home.resourceCountIs('AWS::CloudWatch::Dashboard', 2);
    home.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    home.resourceCountIs('AWS::Events::Rule', 1);
  });

  it('creates the table the adapters expect, protected and retained by default', () => {
    home.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: 'lookout-results',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: Match.absent(),
      },
    });
  });

  it('lets a stage turn deletion protection and retention off', () => {
    const disposable = synthLookout({
      monitor: {
        ...threeRegionMonitor(),
        regions: ['us-east-1'],
        checks: [defined(threeRegionMonitor().checks[0], 'a check')],
      },
      props: {
        tableDeletionProtection: false,
        tableRemovalPolicy: RemovalPolicy.DESTROY,
        resourcePrefix: 'lookout-dev',
      },
    });
    const template = disposable.template(disposable.deployment.home);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: { TableName: 'lookout-dev-results', DeletionProtectionEnabled: false },
    });
  });

  it('runs evaluate on new raw results from the stream, in batches, with partial failures', () => {
    home.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Results'), 'StreamArn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^EvaluateFunction') },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadLetters'), 'Arn'] } },
      },
    });
    const [mapping] = Object.values(home.findResources('AWS::Lambda::EventSourceMapping')) as {
      Properties: { FilterCriteria: { Filters: { Pattern: string }[] } };
    }[];
    expect(
      defined(mapping, 'an event source mapping').Properties.FilterCriteria.Filters.map((filter) =>
        JSON.parse(filter.Pattern),
      ),
    ).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { sk: { S: [{ prefix: 'result#' }] } } } }]);
  });

  it('runs evaluate and sweep on Node.js 24, arm64, with the table, topic and dashboard in their environment', () => {
    for (const name of ['lookout-evaluate', 'lookout-sweep']) {
      home.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: name,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 60,
        Environment: {
          Variables: {
            LOOKOUT_TABLE_NAME: 'lookout-results',
            LOOKOUT_TOPIC_ARN: { Ref: Match.stringLikeRegexp('^AlertsTopic') },
            LOOKOUT_DASHBOARD_URL:
              'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/lookout',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
    }
  });

  it('sweeps every minute through the scheduler, in one shard for a few checks', () => {
    home.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      Target: {
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SweepFunction'), 'Arn'] },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>', shard: 0, shardCount: 1 }),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 },
      },
    });
  });

  it('splits the sweep into one schedule per shard, as many as the check count needs', () => {
    const checkCount = 2 * checksPerSweepShard + 1;
    const shardCount = sweepShardCount(checkCount);
    expect(shardCount).toBe(3);
    const many = synthLookout({
      monitor: defineMonitor({
        homeRegion: 'us-east-1',
        regions: ['us-east-1'],
        checks: Array.from({ length: checkCount }, (_, index) =>
          http({ id: `site-${index}`, url: `https://site-${index}.example.com/`, interval: '5m' }),
        ),
      }),
    });
    const schedules = Object.values(
      many.template(many.deployment.home).findResources('AWS::Scheduler::Schedule'),
    ) as { Properties: { Target: { Input: string } } }[];
    const inputs = schedules.map(
      (schedule) => JSON.parse(schedule.Properties.Target.Input) as ScheduledInput,
    );
    expect(inputs.map((input) => input.shard).sort()).toEqual([0, 1, 2]);
    for (const input of inputs) {
      expect(input).toEqual({
        scheduledTime: '<aws.scheduler.scheduled-time>',
        shard: input.shard,
        shardCount,
      });
    }
    expect(many.deployment.home.sweepShardCount).toBe(shardCount);
  });

  it('encrypts the topic with its own rotated key and refuses publishing without TLS', () => {
    home.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    home.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'lookout-alerts',
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsKey'), 'Arn'] },
    });
    home.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('subscribes every alert target, each with the dead-letter queue', () => {
    const subscriptions = Object.values(home.findResources('AWS::SNS::Subscription')).map(
      (resource) =>
        (resource as { Properties: { Protocol: string; Endpoint: string; RedrivePolicy?: unknown } })
          .Properties,
    );
    expect(subscriptions.map((s) => [s.Protocol, s.Endpoint]).sort()).toEqual(
      [
        ['email', 'oncall@example.com'],
        ['email', 'team@example.com'],
        ['sms', '+15551234567'],
        ['https', 'https://hooks.example.com/lookout'],
        ['sqs', 'arn:aws:sqs:us-east-1:123456789012:lookout-alerts'],
        ['lambda', 'arn:aws:lambda:us-east-1:123456789012:function:on-lookout-alert'],
        ['lambda', 'arn:aws:lambda:eu-west-1:123456789012:function:elsewhere'],
      ].sort(),
    );
    for (const subscription of subscriptions) expect(subscription.RedrivePolicy).toBeDefined();
    // The topic may invoke the function in its own region; one elsewhere must allow it itself.
    home.resourceCountIs('AWS::Lambda::Permission', 1);
    home.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:on-lookout-alert',
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: Match.stringLikeRegexp('^AlertsTopic') },
    });
  });

  it('lets evaluate and sweep use the table as their code does, publish to the topic and put Lookout metrics, nothing more', () => {
    for (const role of ['EvaluateRole', 'SweepRole']) {
      const statements = identityStatements(home).filter((entry) => entry.source.includes(role));
      const table = defined(
        statements.find((entry) => actionsOf(entry.statement).includes('dynamodb:Query')),
        'a table statement',
      );
      // No BatchWriteItem or UpdateItem: neither calls them (test/infra/table-actions.test.ts records what they call).
      expect(actionsOf(table.statement).sort()).toEqual([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
      ]);
      expect(resourcesOf(table.statement).map(flattenResource)).toEqual([
        expect.stringMatching(/^<Results\w+\.Arn>$/),
      ]);
      const publish = defined(
        statements.find((entry) => actionsOf(entry.statement).includes('sns:Publish')),
        'a publish statement',
      );
      expect(resourcesOf(publish.statement).map(flattenResource)).toEqual([
        expect.stringMatching(/^<AlertsTopic\w+>$/),
      ]);
      const key = defined(
        statements.find((entry) => actionsOf(entry.statement).includes('kms:GenerateDataKey')),
        'a key statement',
      );
      expect(actionsOf(key.statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(resourcesOf(key.statement).map(flattenResource)).toEqual([
        expect.stringMatching(/^<AlertsKey\w+\.Arn>$/),
      ]);
    }
    const stream = statementsWithAction(home, 'dynamodb:GetRecords');
    expect(stream.map((entry) => entry.source)).toEqual([expect.stringContaining('EvaluateRole')]);
  });

  it('grants no wildcard action to any role, and wildcard resources only under a condition or on its own stream', () => {
    for (const { statement, source } of identityStatements(home)) {
      for (const action of actionsOf(statement)) expect(action, source).not.toContain('*');
      for (const resource of resourcesOf(statement).map(flattenResource)) {
        if (!resource.includes('*')) continue;
        if (resource === '*') {
          expect(actionsOf(statement)).toEqual(['cloudwatch:PutMetricData']);
          expect(statement.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': 'Lookout' } });
        } else {
          expect(actionsOf(statement)).toEqual(['dynamodb:ListStreams']);
          expect(resource).toMatch(/^<Results\w+\.Arn>\/stream\/\*$/);
        }
      }
    }
  });

  it('allows no wildcard action in the topic, queue and key policies, beyond the key administration by the account', () => {
    const allows = allStatements(home).filter((entry) => entry.statement.Effect === 'Allow');
    expect(allows.some((entry) => entry.source.startsWith('AWS::SNS::TopicPolicy'))).toBe(true);
    for (const { statement, source } of allows) {
      const accountRoot = JSON.stringify(statement.Principal ?? '').includes(':root');
      if (source.startsWith('AWS::KMS::Key') && accountRoot) continue;
      for (const action of actionsOf(statement)) expect(action, source).not.toContain('*');
    }
  });

  it('routes the state changes of every Lookout alarm to the topic as one readable line', () => {
    home.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
        detail: {
          alarmName: [{ prefix: 'lookout.' }],
          $or: [
            { state: { value: ['ALARM'] } },
            { state: { value: ['OK'] }, previousState: { value: ['ALARM'] } },
          ],
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { Ref: Match.stringLikeRegexp('^AlertsTopic') },
          InputTransformer: Match.objectLike({ InputTemplate: Match.stringLikeRegexp('^"Lookout alarm <') }),
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
    const names = Object.values(home.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => (alarm as { Properties: { AlarmName: string } }).Properties.AlarmName,
    );
    for (const name of names) expect(name.startsWith('lookout.')).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining([
        'lookout.evaluate.errors',
        'lookout.sweep.throttles',
        'lookout.evaluate.behind-stream',
      ]),
    );
  });

  it('has the overview dashboard, which events link to, and the per-check dashboard', () => {
    const dashboardNames = Object.values(home.findResources('AWS::CloudWatch::Dashboard')).map(
      (resource) => (resource as { Properties: { DashboardName: string } }).Properties.DashboardName,
    );
    expect(dashboardNames.sort()).toEqual(['lookout', 'lookout_checks']);
    const overview = dashboardWidgets('lookout');
    const header = defined(overview[0]?.properties.markdown, 'a header');
    expect(header).toContain('5 checks from us-east-1, eu-west-1, ap-southeast-2');
    expect(header).toContain('#dashboards/dashboard/lookout_checks');
    // A check appears on neither dashboard by name: the overview ranks them, the other picks one.
    for (const check of threeRegionMonitor().checks) {
      for (const name of dashboardNames)
        expect(JSON.stringify(dashboardWidgets(name))).not.toContain(`"${check.id}"`);
    }
  });

  it('lets no role look a queue up: dead letters are sent by ARN, with sqs:SendMessage only', () => {
    const stacks = [lookout.deployment.home, ...lookout.deployment.probes.values()];
    let sends = 0;
    for (const stack of stacks) {
      for (const { statement, source } of identityStatements(lookout.template(stack))) {
        const sqsActions = actionsOf(statement).filter((action) => action.startsWith('sqs:'));
        expect(sqsActions, source).toEqual(sqsActions.length === 0 ? [] : ['sqs:SendMessage']);
        if (sqsActions.length > 0) {
          sends += 1;
          expect(resourcesOf(statement).map(flattenResource), source).toEqual([
            expect.stringMatching(/^<DeadLetters\w+\.Arn>$/),
          ]);
        }
      }
    }
    // Evaluate (stream failures), sweep and each probe (failed invocations), and each stack's scheduler role.
    expect(sends).toBe(3 + 2 * lookout.deployment.probes.size);
  });
});
