import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { isSecretRef, type ResolvedCheck } from '../functions/core';

const secretsManagerPrefix = 'secretsmanager:';

/** The secret references (`secret('…')`) in the headers of these checks, each once, sorted. */
export function secretRefsOf(checks: readonly ResolvedCheck[]): string[] {
  const refs = new Set<string>();
  for (const check of checks) {
    if (check.kind !== 'http') continue;
    for (const value of Object.values(check.headers)) if (isSecretRef(value)) refs.add(value.ref);
  }
  return [...refs].sort();
}

/** Where a secret reference is read from, and what IAM resources name it. */
interface SecretSource {
  service: 'ssm' | 'secretsmanager';
  region: string;
  resources: string[];
}

function secretSource(scope: Construct, homeRegion: string, ref: string): SecretSource {
  const stack = Stack.of(scope);
  if (!ref.startsWith(secretsManagerPrefix)) {
    // An SSM parameter name starts with '/', which is also the separator after `parameter` in its ARN.
    const arn = stack.formatArn({ service: 'ssm', region: homeRegion, resource: `parameter${ref}` });
    return { service: 'ssm', region: homeRegion, resources: [arn] };
  }
  const nameOrArn = ref.slice(secretsManagerPrefix.length);
  if (nameOrArn.startsWith('arn:')) {
    // A full ARN ends with the 6-character suffix Secrets Manager adds; a partial one does not: allow both.
    const region = nameOrArn.split(':')[3] ?? homeRegion;
    return { service: 'secretsmanager', region, resources: [nameOrArn, `${nameOrArn}-??????`] };
  }
  const arn = stack.formatArn({
    service: 'secretsmanager',
    region: homeRegion,
    resource: 'secret',
    resourceName: `${nameOrArn}-??????`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  return { service: 'secretsmanager', region: homeRegion, resources: [arn] };
}

/**
 * Lets a probe role read exactly these secrets: `ssm:GetParameter` on each parameter and
 * `secretsmanager:GetSecretValue` on each secret, in the home region (one place to manage them), and
 * `kms:Decrypt` only through those services in that region (the key is the user's choice, so any key of the
 * account, but only as SSM or Secrets Manager decrypts the secret for this role).
 */
export function grantReadSecrets(role: iam.Role, homeRegion: string, refs: readonly string[]): void {
  if (refs.length === 0) return;
  const sources = refs.map((ref) => secretSource(role, homeRegion, ref));
  const ssmResources = sources
    .filter((source) => source.service === 'ssm')
    .flatMap((source) => source.resources);
  const secretResources = sources
    .filter((source) => source.service === 'secretsmanager')
    .flatMap((source) => source.resources);
  if (ssmResources.length > 0) {
    role.addToPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ssmResources }));
  }
  if (secretResources.length > 0) {
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secretResources }),
    );
  }
  const stack = Stack.of(role);
  const regions = [...new Set(sources.map((source) => source.region))].sort();
  const viaServices = [
    ...new Set(sources.map((source) => `${source.service}.${source.region}.amazonaws.com`)),
  ].sort();
  const keyArns = regions.map((region) =>
    stack.formatArn({ service: 'kms', region, resource: 'key', resourceName: '*' }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: keyArns,
      conditions: { StringEquals: { 'kms:ViaService': viaServices } },
    }),
  );
  for (const keyArn of keyArns) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenForNag(stack.resolve(keyArn))}]`,
      reason:
        'Secrets may be encrypted with any KMS key the user chose; kms:Decrypt is only allowed through SSM or Secrets Manager (kms:ViaService) in the region the secrets are read from.',
    });
  }
}

/** A resolved value as cdk-nag names it in a finding: references as `<Ref>` and `<Id.Attribute>`, joins joined. */
function flattenForNag(value: unknown): string {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Ref' in object) return `<${String(object.Ref)}>`;
  if ('Fn::GetAtt' in object) return `<${(object['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(flattenForNag).join(separator);
  }
  return JSON.stringify(value);
}
