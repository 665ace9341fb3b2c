import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduledInput } from '../functions/core/contract/schedule-input';

/** The scheduler's placeholder for the minute an invocation is for. */
export const scheduledTimePlaceholder = '<aws.scheduler.scheduled-time>';

/** The EventBridge Scheduler expression of every Lookout schedule. */
export const everyMinute = 'rate(1 minute)';

/** Retries of one scheduled invocation: a few, within two minutes, since a late minute is worthless. */
export const scheduleRetryPolicy = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 120 } as const;

/** Properties of `MinuteSchedules`. */
export interface MinuteSchedulesProps {
  /** The function each schedule invokes. */
  target: lambda.IFunction;
  /** Where invocations the scheduler could not make go. */
  deadLetterQueue: sqs.IQueue;
  /**
   * One schedule per input, such as `{ shard: 0, shardCount: 2 }` (core/contract/schedule-input.ts); the
   * scheduler's `scheduledTime` is added to each.
   */
  inputs: Omit<ScheduledInput, 'scheduledTime'>[];
  /** Says what the schedules are for. */
  description: string;
}

/**
 * EventBridge Scheduler schedules that invoke a function every minute, one per input, with a retry policy and a
 * dead-letter queue, through one role that may invoke exactly that function and send to exactly that queue.
 */
export class MinuteSchedules extends Construct {
  /** The schedules, in the order of the inputs. */
  readonly schedules: scheduler.CfnSchedule[];
  /** The role the scheduler assumes. */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MinuteSchedulesProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: props.description,
    });
    // Its own policy, which each schedule waits for (the role itself is already referenced by each schedule).
    const policy = new iam.Policy(this, 'Policy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [props.target.functionArn],
        }),
        new iam.PolicyStatement({
          actions: ['sqs:SendMessage'],
          resources: [props.deadLetterQueue.queueArn],
        }),
      ],
    });
    this.schedules = props.inputs.map(
      (input, index) =>
        new scheduler.CfnSchedule(this, `Schedule${index}`, {
          description: `${props.description} (${index + 1} of ${props.inputs.length})`,
          scheduleExpression: everyMinute,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: props.target.functionArn,
            roleArn: this.role.roleArn,
            input: JSON.stringify({
              scheduledTime: scheduledTimePlaceholder,
              ...input,
            } satisfies ScheduledInput),
            retryPolicy: { ...scheduleRetryPolicy },
            deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
          },
        }),
    );
    for (const schedule of this.schedules) schedule.node.addDependency(policy);
  }
}
