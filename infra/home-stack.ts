import { CfnOutput, Duration, type RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type HandlerEnvironment, handlerVariables } from '../functions/core/contract/handler-environment';
import type { ScheduledInput } from '../functions/core/contract/schedule-input';
import { type TableAction, tableActions } from '../functions/core/contract/table-actions';
import { tableLayout } from '../functions/core/contract/table-layout';
import { sweepShardCount } from '../functions/core/schedule/placement';
import { NotifyAlarmsOnTopic } from './alarm-routing';
import { AlertTopic } from './alert-topic';
import { ChatTopic } from './chat-topic';
import { CheckDashboard } from './check-dashboard';
import { createDeadLetterQueue } from './dead-letter-queue';
import type { DeployableMonitor } from './deployable-monitor';
import { HeartbeatEndpoint, heartbeatChecksOf } from './heartbeat-endpoint';
import { grantPutLookoutMetrics } from './home-resources';
import { addDeadLetterAlarm, addFunctionAlarms, addIteratorAgeAlarm } from './lookout-alarms';
import { LookoutDashboard } from './lookout-dashboard';
import { LookoutFunction } from './lookout-function';
import { MinuteSchedules } from './minute-schedules';
import { acknowledgeFunctionFindings } from './nag-acknowledgements';
import { dashboardUrl, type LookoutNames } from './physical-names';
import { createResultsTable } from './results-table';
import { StatusPageSite } from './status-page-site';

/** Properties of a `LookoutHomeStack`. */
export interface LookoutHomeStackProps extends StackProps {
  /** The validated monitor. */
  deployable: DeployableMonitor;
  /** The instance's physical names. */
  names: LookoutNames;
  /** How long function logs are kept. */
  logRetention: logs.RetentionDays;
  /** Whether the results table refuses to be deleted. */
  tableDeletionProtection: boolean;
  /** What happens to the results table when it leaves the stack. */
  tableRemovalPolicy: RemovalPolicy;
  /**
   * The ping function's reserved concurrency, or `false` for none (see `LookoutProps`).
   * @default 5
   */
  pingReservedConcurrency?: number | false;
}

/** The evaluate and sweep functions' timeout and memory. */
export const homeFunctionTimeout = Duration.seconds(60);
export const homeFunctionMemoryMb = 512;

/** How the evaluate function reads the stream. */
export const evaluateStreamSettings = {
  batchSize: 100,
  maxBatchingWindow: Duration.seconds(5),
  retryAttempts: 10,
} as const;

/**
 * The home region: the results table, the evaluate function on its stream, the sweep function every minute (one
 * schedule per shard), the alert topic and its subscriptions, the overview and per-check dashboards,
 * Lookout's alarms on itself, which reach the topic, and, when the monitor declares `statusPage`, the status
 * page's bucket and distribution, which the sweep's first shard publishes to.
 */
export class LookoutHomeStack extends Stack {
  /** The results table. */
  readonly table: dynamodb.Table;
  /** The alert topic and its key. */
  readonly alertTopic: AlertTopic;
  /** The chat topic, when the monitor declares `alerts.chat`. */
  readonly chatTopic?: ChatTopic;
  /** The status page's bucket and distribution, when the monitor declares `statusPage`. */
  readonly statusPage?: StatusPageSite;
  /** The evaluate function. */
  readonly evaluate: LookoutFunction<'evaluate'>;
  /** The sweep function. */
  readonly sweep: LookoutFunction<'sweep'>;
  /** The sweep's schedules, one per shard. */
  readonly sweepSchedules: MinuteSchedules;
  /**
   * How many shards the sweep is split into: one per `checksPerSweepShard` checks, at least one
   * (core/schedule/placement.ts). Sharding splits the same work over more invocations: each shard adds 43,200
   * invocations and scheduler calls a month (about $0.01 of Lambda requests; the scheduler's first 14 million a
   * month are free), the same per-check reads and writes.
   */
  readonly sweepShardCount: number;
  /** The overview dashboard. */
  readonly dashboard: LookoutDashboard;
  /** The per-check dashboard. */
  readonly checkDashboard: CheckDashboard;
  /** The heartbeat ping endpoint, when the monitor declares heartbeat checks. */
  readonly heartbeatEndpoint?: HeartbeatEndpoint;

  constructor(scope: Construct, id: string, props: LookoutHomeStackProps) {
    super(scope, id, props);
    const { deployable, names } = props;
    const { monitor } = deployable;
    const home = monitor.homeRegion;
    this.table = createResultsTable(this, 'Results', {
      tableName: names.tableName,
      deletionProtection: props.tableDeletionProtection,
      removalPolicy: props.tableRemovalPolicy,
    });
    const deadLetters = createDeadLetterQueue(this, 'DeadLetters', names.deadLetterQueueNames.home);
    this.alertTopic = new AlertTopic(this, 'Alerts', {
      topicName: names.topicName,
      alerts: monitor.alerts,
      deadLetterQueue: deadLetters,
    });
    if (monitor.alerts.chat !== undefined) {
      this.chatTopic = new ChatTopic(this, 'ChatAlerts', {
        topicName: names.chatTopicName,
        key: this.alertTopic.key,
      });
    }
    const environment: HandlerEnvironment<'evaluate' | 'sweep'> = {
      [handlerVariables.tableName]: names.tableName,
      [handlerVariables.topicArn]: this.alertTopic.topic.topicArn,
      [handlerVariables.dashboardUrl]: dashboardUrl(home, names.dashboardName),
      ...(this.chatTopic === undefined
        ? {}
        : { [handlerVariables.chatTopicArn]: this.chatTopic.topic.topicArn }),
    };
    const common = {
      monitor,
      environment,
      timeout: homeFunctionTimeout,
      memorySizeMb: homeFunctionMemoryMb,
      logRetention: props.logRetention,
    };
    this.evaluate = new LookoutFunction(this, 'Evaluate', {
      ...common,
      handler: 'evaluate',
      functionName: names.evaluateFunctionName,
      description:
        'Lookout: evaluates new results (outages, SLOs, certificates), publishes metrics and alerts',
    });
    if (monitor.statusPage !== undefined) {
      this.statusPage = new StatusPageSite(this, 'StatusPage', {
        accessControlName: names.statusPageAccessControlName,
        comment: `Lookout (${names.prefix}) status page`,
      });
    }
    const sweepEnvironment: HandlerEnvironment<'sweep'> = {
      ...environment,
      ...(this.statusPage === undefined
        ? {}
        : {
            [handlerVariables.statusPageBucket]: this.statusPage.bucket.bucketName,
            [handlerVariables.statusPageUrl]: this.statusPage.url,
          }),
    };
    this.sweep = new LookoutFunction(this, 'Sweep', {
      ...common,
      environment: sweepEnvironment,
      handler: 'sweep',
      functionName: names.sweepFunctionName,
      description: 'Lookout: finds probes that did not report, sends reminders, every minute',
      asyncFailureQueue: deadLetters,
    });
    this.grantHomeAccess(this.evaluate.role, tableActions.evaluate);
    this.grantHomeAccess(this.sweep.role, tableActions.sweep);
    this.statusPage?.grantPublish(this.sweep.role);
    acknowledgeFunctionFindings(this.evaluate, { asyncInvoked: false });
    acknowledgeFunctionFindings(this.sweep, { asyncInvoked: true });

    this.readStream(this.evaluate, deadLetters);
    this.sweepShardCount = sweepShardCount(monitor.checks.length);
    const shardCount = this.sweepShardCount;
    const sweepInputs: ScheduledInput[] = Array.from({ length: shardCount }, (_, shard) => ({
      shard,
      shardCount,
    }));
    this.sweepSchedules = new MinuteSchedules(this, 'SweepSchedule', {
      target: this.sweep.function,
      deadLetterQueue: deadLetters,
      inputs: sweepInputs,
      description: 'Lookout: sweep every minute',
    });

    if (heartbeatChecksOf(monitor).length > 0) {
      this.heartbeatEndpoint = new HeartbeatEndpoint(this, 'Heartbeat', {
        monitor,
        names,
        table: this.table,
        logRetention: props.logRetention,
        alarmNamePrefix: names.alarmNamePrefix,
        ...(props.pingReservedConcurrency === undefined
          ? {}
          : { reservedConcurrency: props.pingReservedConcurrency }),
      });
      new CfnOutput(this, 'HeartbeatUrl', {
        value: this.heartbeatEndpoint.url.url,
        description:
          'Heartbeat pings: <HeartbeatUrl>ping/<check-id>/<token>, then /start or /fail or nothing',
      });
    }

    this.dashboard = new LookoutDashboard(this, 'Dashboard', { monitor, names });
    this.checkDashboard = new CheckDashboard(this, 'CheckDashboard', { monitor, names });

    addFunctionAlarms(this, this.evaluate, names.alarmNamePrefix, 'evaluate');
    addFunctionAlarms(this, this.sweep, names.alarmNamePrefix, 'sweep');
    addIteratorAgeAlarm(this, this.evaluate, names.alarmNamePrefix);
    addDeadLetterAlarm(this, deadLetters, names.alarmNamePrefix, 'home');
    new NotifyAlarmsOnTopic(this, 'NotifyAlarms', {
      alarmNamePrefix: names.alarmNamePrefix,
      topic: this.alertTopic.topic,
      deadLetterQueue: deadLetters,
    });
  }

  /**
   * The table actions the function's code calls (core/contract/table-actions.ts), publishing to the topic (and
   * its key), and Lookout metrics.
   */
  private grantHomeAccess(role: iam.Role, actions: readonly TableAction[]): void {
    role.addToPolicy(new iam.PolicyStatement({ actions: [...actions], resources: [this.table.tableArn] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sns:Publish'],
        resources: [
          this.alertTopic.topic.topicArn,
          ...(this.chatTopic ? [this.chatTopic.topic.topicArn] : []),
        ],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.alertTopic.key.keyArn],
      }),
    );
    grantPutLookoutMetrics(role);
  }

  /** The evaluate function on the stream: new raw results only, in batches, failures to the dead-letter queue. */
  private readStream(evaluate: LookoutFunction, deadLetters: sqs.IQueue): void {
    const streamArn = this.table.tableStreamArn;
    if (streamArn === undefined) throw new Error('the results table has no stream');
    evaluate.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    evaluate.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:ListStreams'],
        resources: [`${this.table.tableArn}/stream/*`],
      }),
    );
    Validations.of(evaluate.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable)}.Arn>/stream/*]`,
      reason:
        "dynamodb:ListStreams is authorized on the stream path of a table; this is the results table's own streams only.",
    });
    const mapping = new lambda.EventSourceMapping(this, 'ResultsStream', {
      target: evaluate.function,
      eventSourceArn: streamArn,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: evaluateStreamSettings.batchSize,
      maxBatchingWindow: evaluateStreamSettings.maxBatchingWindow,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: evaluateStreamSettings.retryAttempts,
      onFailure: new SqsDlq(deadLetters),
      filters: [
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.isEqual('INSERT'),
          dynamodb: {
            NewImage: {
              [tableLayout.sortKey]: { S: lambda.FilterRule.beginsWith(tableLayout.sortKeyPrefix.result) },
            },
          },
        }),
      ],
    });
    mapping.node.addDependency(evaluate.role);
  }
}
