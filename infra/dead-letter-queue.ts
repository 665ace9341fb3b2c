import { Duration, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue that lets its writers send and nothing more. CDK's `grantSendMessages` (which `SqsDestination` and
 * `SqsDlq` call) also grants `sqs:GetQueueAttributes` and `sqs:GetQueueUrl`, for code that looks a queue up by
 * name; Lookout's writers are AWS services (Lambda's on-failure destinations, the stream's on-failure
 * destination) that send by ARN, and no Lookout code calls either action. The queue is encrypted with
 * SQS-managed keys, so sending needs no key grant.
 */
export class SendOnlyQueue extends sqs.Queue {
  /** Grants exactly `sqs:SendMessage` on this queue. */
  override grantSendMessages(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'sqs:SendMessage');
  }
}

/**
 * The dead-letter queue of a Lookout stack: what the scheduler could not deliver, what the functions failed on
 * asynchronously or in the stream, and what EventBridge or SNS could not deliver. Encrypted (SQS-managed keys,
 * so the AWS services that write to it need no key grants), TLS only, kept 14 days, and watched by an alarm.
 */
export function createDeadLetterQueue(scope: Construct, id: string, queueName: string): SendOnlyQueue {
  const queue = new SendOnlyQueue(scope, id, {
    queueName,
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge(
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the stack; an alarm fires on any message in it.',
    },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This queue is itself the dead-letter queue of the stack; nothing consumes it to redrive from.',
    },
  );
  return queue;
}
