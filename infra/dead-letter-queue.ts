import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * The dead-letter queue of a Lookout stack: what the scheduler could not deliver, what the functions failed on
 * asynchronously or in the stream, and what EventBridge or SNS could not deliver. Encrypted (SQS-managed keys,
 * so the AWS services that write to it need no key grants), TLS only, kept 14 days, and watched by an alarm.
 */
export function createDeadLetterQueue(scope: Construct, id: string, queueName: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
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
