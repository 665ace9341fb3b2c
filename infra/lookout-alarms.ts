import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { LookoutFunction } from './lookout-function';
import { deadLettersMetric, functionMetric, probesSkippedMetric } from './lookout-metrics';
import type { StackRole } from './physical-names';

/** How close to its timeout a function's longest run may come before it alarms. */
export const durationAlarmFraction = 0.8;

const fiveMinutes = Duration.minutes(5);

/**
 * Alarms on one of Lookout's own functions: any error, any throttle, and a run that took more than
 * `durationAlarmFraction` of the timeout (in five-minute periods). Named `<alarmNamePrefix><label>.<what>`; they
 * have no actions of their own: EventBridge routes every Lookout alarm's state changes to the topic.
 */
export function addFunctionAlarms(
  scope: Construct,
  fn: LookoutFunction,
  alarmNamePrefix: string,
  label: string,
): cloudwatch.Alarm[] {
  const common = {
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  };
  const timeoutMs = fn.timeout.toMilliseconds();
  const { functionName } = fn.function;
  return [
    new cloudwatch.Alarm(scope, `${label}-errors`, {
      ...common,
      alarmName: `${alarmNamePrefix}${label}.errors`,
      alarmDescription: `The Lookout ${label} function failed.`,
      metric: functionMetric(functionName, 'Errors', { statistic: 'Sum', period: fiveMinutes }),
      threshold: 1,
    }),
    new cloudwatch.Alarm(scope, `${label}-throttles`, {
      ...common,
      alarmName: `${alarmNamePrefix}${label}.throttles`,
      alarmDescription: `The Lookout ${label} function was throttled.`,
      metric: functionMetric(functionName, 'Throttles', { statistic: 'Sum', period: fiveMinutes }),
      threshold: 1,
    }),
    new cloudwatch.Alarm(scope, `${label}-duration`, {
      ...common,
      alarmName: `${alarmNamePrefix}${label}.duration-near-timeout`,
      alarmDescription: `A run of the Lookout ${label} function took more than ${durationAlarmFraction * 100} % of its ${timeoutMs / 1000} s timeout.`,
      metric: functionMetric(functionName, 'Duration', { statistic: 'Maximum', period: fiveMinutes }),
      threshold: Math.round(timeoutMs * durationAlarmFraction),
    }),
  ];
}

/**
 * An alarm on any message in the dead-letter queue of the `role` stack, `<alarmNamePrefix><role>.dead-letters`
 * (the home stack and the home region's probe stack each have one).
 */
export function addDeadLetterAlarm(
  scope: Construct,
  queue: sqs.IQueue,
  alarmNamePrefix: string,
  role: StackRole,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, 'dead-letters', {
    alarmName: `${alarmNamePrefix}${role}.dead-letters`,
    alarmDescription: 'Lookout could not deliver something: see the messages in its dead-letter queue.',
    metric: deadLettersMetric(queue.queueName, { statistic: 'Maximum', period: fiveMinutes }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** An alarm when the evaluate function falls behind its stream by more than five minutes. */
export function addIteratorAgeAlarm(
  scope: Construct,
  fn: LookoutFunction,
  alarmNamePrefix: string,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, 'evaluate-iterator-age', {
    alarmName: `${alarmNamePrefix}evaluate.behind-stream`,
    alarmDescription: 'The evaluate function is more than five minutes behind the results stream.',
    metric: functionMetric(fn.function.functionName, 'IteratorAge', {
      statistic: 'Maximum',
      period: fiveMinutes,
    }),
    threshold: Duration.minutes(5).toMilliseconds(),
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** An alarm when a probe invocation skipped probes because the function ran short of time. */
export function addProbesSkippedAlarm(
  scope: Construct,
  region: string,
  alarmNamePrefix: string,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, 'probes-skipped', {
    alarmName: `${alarmNamePrefix}probe.probes-skipped`,
    alarmDescription: `The probe function in ${region} ran short of time and did not start some probes.`,
    metric: probesSkippedMetric(region, { statistic: 'Sum', period: fiveMinutes }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
