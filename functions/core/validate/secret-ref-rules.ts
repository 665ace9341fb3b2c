import { quote } from '../assertions/describe-value';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

const ssmParameterName = /^\/[A-Za-z0-9_.\-/]+$/;
const secretsManagerPrefix = 'secretsmanager:';
const secretsManagerName = /^[A-Za-z0-9/_+=.@-]+$/;
const secretsManagerArn = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;

/** Why a secret reference is malformed, or `undefined` when it is well formed. */
export function secretRefProblem(ref: string): string | undefined {
  if (ref.startsWith(secretsManagerPrefix)) {
    const name = ref.slice(secretsManagerPrefix.length);
    if (name.startsWith('arn:')) {
      return secretsManagerArn.test(name) ? undefined : 'is not a Secrets Manager secret ARN';
    }
    return secretsManagerName.test(name)
      ? undefined
      : 'needs a Secrets Manager name after "secretsmanager:", using letters, digits and /_+=.@-';
  }
  if (!ref.startsWith('/')) {
    return `must be an SSM parameter name starting with "/" (such as "/lookout/orders-token") or "secretsmanager:<name-or-arn>"`;
  }
  return ssmParameterName.test(ref)
    ? undefined
    : 'is not a valid SSM parameter name; use letters, digits and _.-/ only';
}

/** Reports a malformed secret reference at `path` (the `ref` field). */
export function validateSecretRef(report: ReportProblem, path: PathSegment[], ref: unknown): void {
  if (typeof ref !== 'string') return;
  const problem = secretRefProblem(ref);
  if (problem !== undefined) report(path, `${fieldLabel(path)} ${quote(ref)} ${problem}`);
}
