import { Token } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

/**
 * The physical names in synthesized templates, found generically: every top-level property of a resource whose
 * name ends in `Name` and whose value is a literal (or built from literals and pseudo parameters) is taken as
 * the resource's own physical name, unless the table below says it is something else. A reference to another
 * resource (`Ref`, `Fn::GetAtt`) is not a name of this one. So a new named resource is checked without anyone
 * remembering to add it here; a property wrongly taken as a name fails loudly and is added to the table, with
 * its reason.
 */

/** Top-level properties that end in `Name` but do not name the resource itself, with why. */
const notPhysicalNames: Record<string, Record<string, string>> = {
  '*': {
    MetricName: 'an alarm names the metric it watches',
    DisplayName: "an SNS topic's display name is shown in messages, not an identifier",
  },
  'AWS::IAM::Policy': { PolicyName: 'an inline policy is named only within the roles it is attached to' },
  'AWS::Lambda::Permission': { FunctionName: 'names the function the permission is on' },
  'AWS::Lambda::EventSourceMapping': { FunctionName: 'names the function it invokes' },
  'AWS::Lambda::EventInvokeConfig': { FunctionName: 'names the function it configures' },
  'AWS::Scheduler::Schedule': { GroupName: 'names the schedule group the schedule is in' },
  'AWS::Events::Rule': { EventBusName: 'names the bus the rule is on' },
};

/**
 * Names that are not top-level properties, by resource type: the path to the name inside the properties. The
 * generic rule above sees only top-level ones.
 */
const nestedNames: Record<string, string[]> = {
  'AWS::CloudFront::OriginAccessControl': ['OriginAccessControlConfig', 'Name'],
};

/** Resource types whose names are unique per account, not per region (IAM is global; so are dashboards). */
const accountWideTypes = new Set([
  'AWS::CloudFront::OriginAccessControl',
  'AWS::IAM::Role',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::InstanceProfile',
  'AWS::CloudWatch::Dashboard',
]);

/** The pseudo type under which stack names are checked (unique per account and region, like resources). */
export const stackNameType = 'AWS::CloudFormation::Stack';

/** One physical name, where it is unique, and where it was found. */
export interface NamedResource {
  /** `aws://<account>/<region>`, or `aws://<account>` for account-wide types. */
  scope: string;
  type: string;
  property: string;
  name: string;
  /** `<stack name>/<logical id>`. */
  source: string;
}

interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** A name value as text, pseudo parameters substituted; `undefined` when it refers to another resource. */
function literalName(value: unknown, pseudo: Record<string, string>): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const object = value as Record<string, unknown>;
  if ('Ref' in object) return pseudo[String(object.Ref)];
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    const texts = parts.map((part) => literalName(part, pseudo));
    return texts.every((text) => text !== undefined) ? texts.join(separator) : undefined;
  }
  return undefined;
}

/** The account a stack deploys to: its own, or (when it leaves it to the deploy) the deploying account. */
function accountOf(account: string): string {
  return Token.isUnresolved(account) || account === 'unknown-account' ? 'deploying-account' : account;
}

/** Every physical name in every stack of an assembly (nested stages included), stack names too. */
export function namedResources(assembly: CloudAssembly): NamedResource[] {
  const found: NamedResource[] = [];
  for (const stack of assembly.stacksRecursively) {
    const account = accountOf(stack.environment.account);
    const { region } = stack.environment;
    const pseudo: Record<string, string> = {
      'AWS::Region': region,
      'AWS::AccountId': account,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': stack.stackName,
    };
    found.push({
      scope: `aws://${account}/${region}`,
      type: stackNameType,
      property: 'StackName',
      name: stack.stackName,
      source: stack.stackName,
    });
    const resources = (stack.template as { Resources?: Record<string, TemplateResource> }).Resources ?? {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      const nested = nestedNames[resource.Type];
      if (nested !== undefined) {
        let value: unknown = resource.Properties;
        for (const key of nested) value = (value as Record<string, unknown> | undefined)?.[key];
        const name = literalName(value, pseudo);
        if (name !== undefined) {
          found.push({
            scope: accountWideTypes.has(resource.Type) ? `aws://${account}` : `aws://${account}/${region}`,
            type: resource.Type,
            property: nested.join('.'),
            name,
            source: `${stack.stackName}/${logicalId}`,
          });
        }
      }
      for (const [property, value] of Object.entries(resource.Properties ?? {})) {
        if (!property.endsWith('Name')) continue;
        if (notPhysicalNames['*']?.[property] || notPhysicalNames[resource.Type]?.[property]) continue;
        const name = literalName(value, pseudo);
        if (name === undefined) continue;
        found.push({
          scope: accountWideTypes.has(resource.Type) ? `aws://${account}` : `aws://${account}/${region}`,
          type: resource.Type,
          property,
          name,
          source: `${stack.stackName}/${logicalId}`,
        });
      }
    }
  }
  return found;
}

/** Every name used more than once in its scope, as `<scope> <type> <name>: <sources>` lines. */
export function nameCollisions(named: readonly NamedResource[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const entry of named) {
    const key = `${entry.scope} ${entry.type} ${entry.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry.source]);
  }
  return [...byKey.entries()]
    .filter(([, sources]) => sources.length > 1)
    .map(([key, sources]) => `${key}: ${sources.join(', ')}`);
}
