import { CfnOutput } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Properties of `ChatTopic`. */
export interface ChatTopicProps {
  /** The topic's physical name (`<prefix>-alerts-chat`). */
  topicName: string;
  /** The alert topic's key, which encrypts this topic too. */
  key: kms.IKey;
}

/**
 * The chat topic (`alerts.chat`): the evaluate and sweep functions publish every event to it as an Amazon Q
 * Developer in chat applications custom notification (core/messages/render-chat-notification.ts), and a chat
 * channel configuration (Slack, Microsoft Teams, Amazon Chime) subscribed to it posts them. Encrypted and TLS
 * only, like the alert topic.
 *
 * Its key is the alert topic's: the functions that publish already hold `kms:GenerateDataKey` and
 * `kms:Decrypt` on it, and a second key would cost $1 a month. The key policy needs no statement for the chat
 * service: only publishers use the key (SNS decrypts a message before it delivers it to an HTTPS endpoint,
 * which is how the chat service subscribes), and the publishers are Lookout's own roles. The chat service
 * subscribes with its service-linked role (`AWSServiceRoleForAWSChatbot`, which may `sns:Subscribe` in its
 * account), so the topic policy needs no statement either. Nothing is subscribed here: the channel
 * configuration subscribes when it is created (README, "Alerts in chat").
 *
 * Cost: nothing while idle (no key of its own); per notification, one publish and one HTTPS delivery
 * (about $0.0000011) and at most two KMS requests ($0.000006), SNS reusing a data key for up to 5 minutes.
 */
export class ChatTopic extends Construct {
  /** The topic. */
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: ChatTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'Lookout chat',
      masterKey: props.key,
      enforceSSL: true,
    });
    new CfnOutput(this, 'TopicArn', {
      description:
        'Lookout alerts in chat: add this SNS topic to an Amazon Q Developer in chat applications channel',
      value: this.topic.topicArn,
    });
  }
}
