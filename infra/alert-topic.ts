import { Arn, ArnFormat, Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ResolvedMonitor } from '../functions/core';

/** Properties of `AlertTopic`. */
export interface AlertTopicProps {
  /** The topic's physical name. */
  topicName: string;
  /** Who is subscribed. */
  alerts: ResolvedMonitor['alerts'];
  /** Where messages that could not be delivered to a subscriber go. */
  deadLetterQueue: sqs.IQueue;
}

/**
 * The alert topic: encrypted with its own KMS key (rotated yearly), TLS only, with a subscription for each
 * `alerts` target. Each subscription sends what it could not deliver to the dead-letter queue.
 */
export class AlertTopic extends Construct {
  /** The topic. */
  readonly topic: sns.Topic;
  /** The key the topic is encrypted with (and the chat topic, when there is one: see chat-topic.ts). */
  readonly key: kms.Key;
  /** The subscriptions, in the order: email, SMS, HTTPS, SQS, Lambda. */
  readonly subscriptions: sns.Subscription[] = [];

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the messages of the ${props.topicName} topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // EventBridge publishes Lookout's alarm notifications (see alarm-routing.ts).
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'Lookout',
      masterKey: this.key,
      enforceSSL: true,
    });
    const { alerts, deadLetterQueue } = props;
    const endpoints: [string, sns.SubscriptionProtocol, string[]][] = [
      ['Email', sns.SubscriptionProtocol.EMAIL, alerts.email],
      ['Sms', sns.SubscriptionProtocol.SMS, alerts.sms],
      ['Https', sns.SubscriptionProtocol.HTTPS, alerts.https],
      ['Sqs', sns.SubscriptionProtocol.SQS, alerts.sqs],
      ['Lambda', sns.SubscriptionProtocol.LAMBDA, alerts.lambda],
    ];
    for (const [kind, protocol, list] of endpoints) {
      for (const [index, endpoint] of list.entries()) {
        const subscription = new sns.Subscription(this, `${kind}${index}`, {
          topic: this.topic,
          protocol,
          endpoint,
          deadLetterQueue,
        });
        this.subscriptions.push(subscription);
        if (protocol === sns.SubscriptionProtocol.LAMBDA)
          this.allowTopicToInvoke(`LambdaPermission${index}`, endpoint);
      }
    }
  }

  /**
   * Lets the topic invoke a subscribed function in the topic's own region (a resource policy can only be added
   * in the function's region; a function elsewhere, or in another account, must allow the topic itself).
   */
  private allowTopicToInvoke(id: string, functionArn: string): void {
    const { region } = Arn.split(functionArn, ArnFormat.COLON_RESOURCE_NAME);
    if (region !== this.topic.stack.region) return;
    new lambda.CfnPermission(this, id, {
      action: 'lambda:InvokeFunction',
      functionName: functionArn,
      principal: 'sns.amazonaws.com',
      sourceArn: this.topic.topicArn,
    });
  }
}
