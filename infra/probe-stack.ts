import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { checksForRegion } from '../functions/core';
import { handlerVariables } from '../functions/core/contract/handler-environment';
import { ForwardAlarmsToHomeRegion } from './alarm-routing';
import { createDeadLetterQueue } from './dead-letter-queue';
import type { DeployableMonitor } from './deployable-monitor';
import { grantPutLookoutMetrics, homeEventBusArn, homeTableArn } from './home-resources';
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

/** The probe function's timeout: sub-minute intervals run their rounds across the whole minute. */
export const probeTimeout = Duration.seconds(90);

/** The probe function's memory (CPU scales with it; TLS handshakes are CPU-bound). */
export const probeMemoryMb = 1024;

/**
 * One probe region: the probe function, its schedules (one per shard, every minute), a role that can only write
 * results to the home table, read the declared secrets and put Lookout metrics, a dead-letter queue, and alarms
 * forwarded to the home region.
 */
export class LookoutProbeStack extends Stack {
  /** The probe function. */
  readonly probe: LookoutFunction<'probe'>;
  /** The schedules, one per shard. */
  readonly schedules: MinuteSchedules;
  /** How many shards this region's checks are split into. */
  readonly shardCount: number;

  constructor(scope: Construct, id: string, props: LookoutProbeStackProps) {
    super(scope, id, props);
    const { deployable, names, probeRegion } = props;
    const { monitor } = deployable;
    const home = monitor.homeRegion;
    const deadLetters = createDeadLetterQueue(this, 'DeadLetters', names.deadLetterQueueName);

    this.probe = new LookoutFunction(this, 'Probe', {
      handler: 'probe',
      functionName: names.probeFunctionName,
      description: `Lookout: probes the checks placed in ${probeRegion}, every minute`,
      declaration: deployable.declaration,
      environment: { [handlerVariables.tableName]: names.tableName, [handlerVariables.homeRegion]: home },
      timeout: probeTimeout,
      memorySizeMb: probeMemoryMb,
      logRetention: props.logRetention,
      asyncFailureQueue: deadLetters,
    });
    const role = this.probe.role;
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
        resources: [homeTableArn(this, home, names.tableName)],
      }),
    );
    grantReadSecrets(role, home, secretRefsOf(checksForRegion(monitor, probeRegion)));
    grantPutLookoutMetrics(role);
    acknowledgeFunctionFindings(this.probe, { asyncInvoked: true });

    this.shardCount = probeShardCount(monitor, probeRegion);
    this.schedules = new MinuteSchedules(this, 'Schedules', {
      target: this.probe.function,
      deadLetterQueue: deadLetters,
      inputs: Array.from({ length: this.shardCount }, (_, shard) => ({ shard, shardCount: this.shardCount })),
      description: `Lookout: probe ${probeRegion} every minute`,
    });

    addFunctionAlarms(this, this.probe, names.alarmNamePrefix, 'probe');
    addProbesSkippedAlarm(this, probeRegion, names.alarmNamePrefix);
    addDeadLetterAlarm(this, deadLetters, names.alarmNamePrefix);
    if (probeRegion !== home) {
      new ForwardAlarmsToHomeRegion(this, 'ForwardAlarms', {
        alarmNamePrefix: names.alarmNamePrefix,
        homeEventBusArn: homeEventBusArn(this, home),
        deadLetterQueue: deadLetters,
      });
    }
  }
}
