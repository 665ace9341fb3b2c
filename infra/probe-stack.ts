import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { checksForRegion } from '../functions/core';
import { type HandlerEnvironment, handlerVariables } from '../functions/core/contract/handler-environment';
import { minuteMs } from '../functions/core/declare/duration';
import { ForwardAlarmsToHomeRegion } from './alarm-routing';
import { createDeadLetterQueue } from './dead-letter-queue';
import type { DeployableMonitor } from './deployable-monitor';
import { homeEventBusArn, homeTableArn } from './home-resources';
import { addDeadLetterAlarm, addFunctionAlarms, addProbesSkippedAlarm } from './lookout-alarms';
import { LookoutFunction } from './lookout-function';
import { MinuteSchedules } from './minute-schedules';
import { acknowledgeFunctionFindings } from './nag-acknowledgements';
import type { LookoutNames } from './physical-names';
import { probeShardCount } from './probe-capacity';
import { grantReadSecrets, secretRefsOf } from './secret-access';

/** Properties of a `LookoutProbeStack`. */
export interface LookoutProbeStackProps extends StackProps {
  /** The validated monitor. */
  deployable: DeployableMonitor;
  /** The region this stack probes from. */
  probeRegion: string;
  /** The instance's physical names. */
  names: LookoutNames;
  /** How long function logs are kept. */
  logRetention: logs.RetentionDays;
}

/**
 * The probe function's timeout. An invocation runs one round (its later rounds each get an invocation of their
 * own, through the round queue), but when it could not queue them it runs them itself across the minute, as
 * the local monitor does: this leaves room for that.
 */
export const probeTimeout = Duration.seconds(90);

/**
 * How long a queued round's message is kept (from when it was sent, its delay included). A round delivered after
 * its checks' next round started is not run (the function counts it in ProbesSkipped, which is alarmed); this
 * only keeps the queue from holding stale rounds, and is long enough that none expires unseen.
 */
export const roundRetention = Duration.minutes(5);

/** The probe function's memory (CPU scales with it; TLS handshakes are CPU-bound). */
export const probeMemoryMb = 1024;

/**
 * One probe region: the probe function (its bundle holds only the region's checks), its schedules (one per
 * shard, every minute), a round queue when the region has sub-minute checks, a role that can only write results
 * to the home table, read the declared secrets and use the round queue, a dead-letter queue, and alarms
 * forwarded to the home region. The function's own metric (ProbesSkipped, only when some were) is an embedded
 * metric format line in its log: it calls no CloudWatch API.
 */
export class LookoutProbeStack extends Stack {
  /** The probe function. */
  readonly probe: LookoutFunction<'probe'>;
  /** The schedules, one per shard. */
  readonly schedules: MinuteSchedules;
  /** How many shards this region's checks are split into. */
  readonly shardCount: number;
  /** The round queue, when the region has sub-minute checks. */
  readonly roundQueue: sqs.Queue | undefined;

  constructor(scope: Construct, id: string, props: LookoutProbeStackProps) {
    super(scope, id, props);
    const { deployable, names, probeRegion } = props;
    const { monitor } = deployable;
    const home = monitor.homeRegion;
    const deadLetters = createDeadLetterQueue(this, 'DeadLetters', names.deadLetterQueueNames.probe);

    const checks = checksForRegion(monitor, probeRegion);
    // Created only where needed: an empty queue still costs the event source mapping's long polls.
    this.roundQueue = checks.some((check) => check.intervalMs < minuteMs)
      ? new sqs.Queue(this, 'Rounds', {
          encryption: sqs.QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          visibilityTimeout: probeTimeout,
          retentionPeriod: roundRetention,
          // A round whose invocation failed is not run again late: it goes to the dead-letter queue (alarmed).
          deadLetterQueue: { queue: deadLetters, maxReceiveCount: 1 },
        })
      : undefined;
    const environment: HandlerEnvironment<'probe'> = {
      [handlerVariables.tableName]: names.tableName,
      [handlerVariables.homeRegion]: home,
      ...(this.roundQueue === undefined
        ? {}
        : { [handlerVariables.roundQueueUrl]: this.roundQueue.queueUrl }),
    };

    this.probe = new LookoutFunction(this, 'Probe', {
      handler: 'probe',
      functionName: names.probeFunctionName,
      description: `Lookout: probes the checks placed in ${probeRegion}, every minute`,
      monitor: { ...monitor, checks },
      environment,
      timeout: probeTimeout,
      memorySizeMb: probeMemoryMb,
      logRetention: props.logRetention,
      asyncFailureQueue: deadLetters,
    });
    const role = this.probe.role;
    role.addToPolicy(
      new iam.PolicyStatement({
        // Results are written once, unconditionally, 25 to a call: no PutItem (there is no `latest` item).
        actions: ['dynamodb:BatchWriteItem'],
        resources: [homeTableArn(this, home, names.tableName)],
      }),
    );
    grantReadSecrets(role, home, secretRefsOf(checks));
    acknowledgeFunctionFindings(this.probe, { asyncInvoked: true });
    if (this.roundQueue !== undefined) this.consumeRounds(this.roundQueue);

    this.shardCount = probeShardCount(monitor, probeRegion);
    this.schedules = new MinuteSchedules(this, 'Schedules', {
      target: this.probe.function,
      deadLetterQueue: deadLetters,
      inputs: Array.from({ length: this.shardCount }, (_, shard) => ({ shard, shardCount: this.shardCount })),
      description: `Lookout: probe ${probeRegion} every minute`,
    });

    addFunctionAlarms(this, this.probe, names.alarmNamePrefix, 'probe');
    addProbesSkippedAlarm(this, probeRegion, names.alarmNamePrefix);
    addDeadLetterAlarm(this, deadLetters, names.alarmNamePrefix, 'probe');
    if (probeRegion !== home) {
      new ForwardAlarmsToHomeRegion(this, 'ForwardAlarms', {
        alarmNamePrefix: names.alarmNamePrefix,
        homeEventBusArn: homeEventBusArn(this, home),
        deadLetterQueue: deadLetters,
      });
    }
  }

  /**
   * Lets the probe function queue rounds and be invoked by the queue: one round per invocation (batch size 1),
   * a failed one reported by message id, never retried (the queue's redrive sends it to the dead-letter queue).
   * The role gets what the function calls (sqs:SendMessage, for SendMessageBatch) and what Lambda's poller calls
   * for it (ReceiveMessage, DeleteMessage, GetQueueAttributes), on this queue only.
   */
  private consumeRounds(queue: sqs.Queue): void {
    const role = this.probe.role;
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        resources: [queue.queueArn],
      }),
    );
    const mapping = new lambda.EventSourceMapping(this, 'RoundSource', {
      target: this.probe.function,
      eventSourceArn: queue.queueArn,
      batchSize: 1,
      reportBatchItemFailures: true,
    });
    // Lambda checks the role's permissions when it creates the mapping.
    mapping.node.addDependency(role);
    Validations.of(mapping).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        "An SQS mapping takes no on-failure destination: a failed round's message goes to the stack's dead-letter queue through the queue's redrive policy (received once), which is alarmed.",
    });
  }
}
