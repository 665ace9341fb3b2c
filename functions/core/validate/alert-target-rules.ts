import { quote } from '../assertions/describe-value';
import { maximumChatStatusPageUrlLength } from '../declare/defaults';
import { asRecord, validateNoDuplicates } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

type AlertChannel = 'email' | 'sms' | 'https' | 'sqs' | 'lambda';

const sqsQueueArn = /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/;
const lambdaFunctionArn =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/;

/** Why one alert target is malformed, or `undefined` when it is fine. */
const targetProblem: Record<AlertChannel, (target: string) => string | undefined> = {
  email: (target) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(target) ? undefined : 'is not an email address'),
  sms: (target) =>
    /^\+[1-9]\d{6,14}$/.test(target)
      ? undefined
      : 'is not a phone number in E.164 form, such as +15551234567',
  https: (target) =>
    URL.canParse(target) && new URL(target).protocol === 'https:' ? undefined : 'must be an https:// URL',
  sqs: (target) => {
    if (!sqsQueueArn.test(target)) return 'is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>)';
    return target.endsWith('.fifo')
      ? 'is a FIFO queue, which a standard SNS topic cannot deliver to'
      : undefined;
  },
  lambda: (target) =>
    lambdaFunctionArn.test(target)
      ? undefined
      : 'is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)',
};

/** Reports malformed and repeated notification targets. */
export function validateAlertTargets(report: ReportProblem, path: PathSegment[], alerts: unknown): void {
  const record = asRecord(alerts);
  if (record === undefined) return;
  for (const channel of Object.keys(targetProblem) as AlertChannel[]) {
    const list = record[channel];
    if (!Array.isArray(list)) continue;
    list.forEach((target, index) => {
      if (typeof target !== 'string') return;
      const problem = targetProblem[channel](target);
      const targetPath = [...path, channel, index];
      if (problem !== undefined) report(targetPath, `${fieldLabel(targetPath)} ${quote(target)} ${problem}`);
    });
    validateNoDuplicates(report, [...path, channel], list);
  }
  validateChatAlerts(report, [...path, 'chat'], record.chat);
}

function validateChatAlerts(report: ReportProblem, path: PathSegment[], chat: unknown): void {
  const url = asRecord(chat)?.statusPageUrl;
  if (typeof url !== 'string') return;
  const urlPath = [...path, 'statusPageUrl'];
  if (!URL.canParse(url) || new URL(url).protocol !== 'https:') {
    report(urlPath, `${fieldLabel(urlPath)} ${quote(url)} must be an https:// URL`);
  } else if (url.length > maximumChatStatusPageUrlLength) {
    report(
      urlPath,
      `${fieldLabel(urlPath)} is ${url.length} characters; at most ${maximumChatStatusPageUrlLength}`,
    );
  }
}
