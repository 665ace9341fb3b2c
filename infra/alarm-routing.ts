import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * How Lookout's own alarms reach the topic. A CloudWatch alarm can only notify a topic in its own region, and
 * the topic is in the home region, so no alarm has an action: every alarm state change is an EventBridge event
 * in the alarm's region. A probe region forwards the events of Lookout's alarms to the home region's default
 * event bus; there, one rule sends the events of every region to the topic. One path for every alarm, no code.
 */

/** The state changes worth telling people about: into ALARM, and from ALARM back to OK. */
export function alarmStateChangePattern(alarmNamePrefix: string): events.EventPattern {
  return {
    source: ['aws.cloudwatch'],
    detailType: ['CloudWatch Alarm State Change'],
    detail: {
      alarmName: [{ prefix: alarmNamePrefix }],
      $or: [
        { state: { value: ['ALARM'] } },
        { state: { value: ['OK'] }, previousState: { value: ['ALARM'] } },
      ],
    },
  };
}

/** Properties of `ForwardAlarmsToHomeRegion`. */
export interface ForwardAlarmsToHomeRegionProps {
  /** What the names of the alarms to forward start with. */
  alarmNamePrefix: string;
  /** The home region's default event bus. */
  homeEventBusArn: string;
  /** Where events that could not be forwarded go. */
  deadLetterQueue: sqs.IQueue;
}

/** In a probe region: forwards the state changes of Lookout's alarms to the home region's event bus. */
export class ForwardAlarmsToHomeRegion extends Construct {
  /** The rule. */
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ForwardAlarmsToHomeRegionProps) {
    super(scope, id);
    this.rule = new events.Rule(this, 'Rule', {
      description:
        'Forwards the state changes of Lookout alarms to the home region, where they reach the topic.',
      eventPattern: alarmStateChangePattern(props.alarmNamePrefix),
    });
    const homeBus = events.EventBus.fromEventBusArn(this, 'HomeBus', props.homeEventBusArn);
    this.rule.addTarget(new targets.EventBus(homeBus, { deadLetterQueue: props.deadLetterQueue }));
  }
}

/** Properties of `NotifyAlarmsOnTopic`. */
export interface NotifyAlarmsOnTopicProps {
  /** What the names of the alarms start with. */
  alarmNamePrefix: string;
  /** The alert topic. */
  topic: sns.ITopic;
  /** Where events that could not be published go. */
  deadLetterQueue: sqs.IQueue;
}

/**
 * In the home region: publishes the state changes of Lookout's alarms, from every region, to the topic as one
 * readable line. The topic and its key let EventBridge publish (exact actions; `SnsTopic` would grant
 * `kms:GenerateDataKey*`).
 */
export class NotifyAlarmsOnTopic extends Construct {
  /** The rule. */
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: NotifyAlarmsOnTopicProps) {
    super(scope, id);
    this.rule = new events.Rule(this, 'Rule', {
      description: 'Publishes the state changes of Lookout alarms, from every region, to the Lookout topic.',
      eventPattern: alarmStateChangePattern(props.alarmNamePrefix),
    });
    const message = events.RuleTargetInput.fromText(
      `Lookout alarm ${events.EventField.fromPath('$.detail.alarmName')} is ${events.EventField.fromPath('$.detail.state.value')} in ${events.EventField.fromPath('$.region')} at ${events.EventField.time}: ${events.EventField.fromPath('$.detail.state.reason')}`,
    );
    const { topic, deadLetterQueue } = props;
    const rule = this.rule;
    rule.addTarget({
      bind: () => ({
        arn: topic.topicArn,
        input: message,
        deadLetterConfig: { arn: deadLetterQueue.queueArn },
      }),
    });
    const events_ = new iam.ServicePrincipal('events.amazonaws.com');
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [events_],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
      }),
    );
    deadLetterQueue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [events_],
        actions: ['sqs:SendMessage'],
        resources: [deadLetterQueue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
      }),
    );
  }
}
