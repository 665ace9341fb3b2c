import type { Template } from 'aws-cdk-lib/assertions';

/** One statement of a policy, as synthesized. */
export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Where a statement came from: the resource's type and logical id. */
export interface SourcedStatement {
  source: string;
  statement: Statement;
}

const policyDocumentPaths: Record<string, (properties: Record<string, unknown>) => unknown[]> = {
  'AWS::IAM::Policy': (p) => [p.PolicyDocument],
  'AWS::IAM::Role': (p) => [
    p.AssumeRolePolicyDocument,
    ...((p.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map(
      (policy) => policy.PolicyDocument,
    ),
  ],
  'AWS::SNS::TopicPolicy': (p) => [p.PolicyDocument],
  'AWS::SQS::QueuePolicy': (p) => [p.PolicyDocument],
  'AWS::KMS::Key': (p) => [p.KeyPolicy],
};

/** Every statement of every policy in a template: identity, trust and resource policies. */
export function allStatements(template: Template): SourcedStatement[] {
  const statements: SourcedStatement[] = [];
  for (const [type, documentsOf] of Object.entries(policyDocumentPaths)) {
    for (const [logicalId, resource] of Object.entries(template.findResources(type))) {
      for (const document of documentsOf((resource as { Properties: Record<string, unknown> }).Properties)) {
        for (const statement of (document as { Statement?: Statement[] } | undefined)?.Statement ?? []) {
          statements.push({ source: `${type} ${logicalId}`, statement });
        }
      }
    }
  }
  return statements;
}

/** The statements of the identity policies (what roles may do). */
export function identityStatements(template: Template): SourcedStatement[] {
  return allStatements(template).filter(
    (entry) => entry.source.startsWith('AWS::IAM::Policy') && entry.statement.Effect === 'Allow',
  );
}

export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

export function resourcesOf(statement: Statement): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

/** A resource as text, with `Fn::Join` flattened and references as `<Ref>`/`<Id.Attr>` (as cdk-nag shows them). */
export function flattenResource(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const value = resource as Record<string, unknown>;
  if ('Ref' in value) return `<${String(value.Ref)}>`;
  if ('Fn::GetAtt' in value) return `<${(value['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
    return parts.map(flattenResource).join(separator);
  }
  return JSON.stringify(resource);
}

/** The statements of a role's policy whose actions include `action`. */
export function statementsWithAction(template: Template, action: string): SourcedStatement[] {
  return identityStatements(template).filter((entry) => actionsOf(entry.statement).includes(action));
}
