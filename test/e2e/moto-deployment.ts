import { join } from 'node:path';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type KeySchemaElement,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Stack } from 'aws-cdk-lib';
import type { HandlerName } from '../../functions/core/contract/handler-environment';
import { scheduledTimePlaceholder } from '../../infra/minute-schedules';
import type { SynthesizedLookout } from '../infra/synth-lookout';
import type { StreamMappingSettings } from '../support/dynamodb-stream-poller';

/** A Lookout function of a synthesized template, with its environment resolved against moto's resources. */
export interface DeployedFunction {
  handler: HandlerName;
  /** The region of its stack: Lambda's `AWS_REGION`. */
  region: string;
  functionName: string;
  /** The NodejsFunction's bundle in the cloud assembly: `index.js` and `monitor.json`. */
  assetDirectory: string;
  /** `Handler` of the template, such as `index.handler`. */
  entryPoint: string;
  /** `Environment.Variables`, with every reference resolved to a moto resource. */
  environment: Record<string, string>;
  timeoutMs: number;
  /** Each schedule's input for the minute `scheduledTime` (ISO 8601), as EventBridge Scheduler fills it in. */
  scheduleInputs: ((scheduledTime: string) => unknown)[];
}

/** What `deployToMoto` created, and the functions with their environments. */
export interface MotoDeployment {
  functions: DeployedFunction[];
  tableName: string;
  topicArn: string;
  /** The table's stream, and how the evaluate function's event source mapping reads it. */
  stream: { arn: string; functionName: string; settings: StreamMappingSettings };
}

interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** What `Ref` and `Fn::GetAtt` of a logical id resolve to. */
interface Resolved {
  ref: string;
  attributes: Record<string, string>;
}

const clientOptions = (endpoint: string, region: string) => ({
  endpoint,
  region,
  credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' },
});

/**
 * Creates in moto, with the real SDK, the resources of the synthesized home stack that Lookout's functions call
 * (the results table with its stream and TTL, the queues, the alert topic and its subscriptions), from the
 * template's own properties, and resolves every function's environment, schedule inputs and the stream's event
 * source mapping against them. A reference the resources created here cannot resolve throws, so a template that
 * starts to depend on something else fails the test that uses this.
 *
 * Left out, since moto does not enforce them and no handler calls them: the topic's KMS key, IAM roles and
 * policies, alarms, dashboards, log groups, point-in-time recovery and the deletion protection.
 */
export async function deployToMoto(
  synthesized: SynthesizedLookout,
  endpoint: string,
): Promise<MotoDeployment> {
  const { deployment } = synthesized;
  const home = deployment.home;
  const homeRegion = home.region;
  const resolved = new Map<string, Resolved>();
  const homeResources = resourcesOf(synthesized, home);
  const options = clientOptions(endpoint, homeRegion);
  const dynamodb = new DynamoDBClient(options);
  const sqs = new SQSClient(options);
  const sns = new SNSClient(options);
  try {
    for (const [logicalId, table] of ofType(homeResources, 'AWS::DynamoDB::Table')) {
      resolved.set(logicalId, await createTable(dynamodb, table));
    }
    for (const [logicalId, queue] of ofType(homeResources, 'AWS::SQS::Queue')) {
      resolved.set(logicalId, await createQueue(sqs, queue));
    }
    for (const [logicalId, topic] of ofType(homeResources, 'AWS::SNS::Topic')) {
      const name = stringProperty(topic, 'TopicName');
      const displayName = stringProperty(topic, 'DisplayName');
      const { TopicArn } = await sns.send(
        new CreateTopicCommand({ Name: name, Attributes: { DisplayName: displayName } }),
      );
      if (TopicArn === undefined) throw new Error(`moto created no topic ${name}`);
      resolved.set(logicalId, { ref: TopicArn, attributes: { TopicArn, TopicName: name } });
    }
    for (const [, subscription] of ofType(homeResources, 'AWS::SNS::Subscription')) {
      const properties = resolve(subscription.Properties ?? {}, resolved) as Record<string, unknown>;
      const attributes: Record<string, string> = {};
      for (const name of ['RedrivePolicy', 'FilterPolicy', 'RawMessageDelivery']) {
        const value = properties[name];
        if (value !== undefined) attributes[name] = typeof value === 'string' ? value : JSON.stringify(value);
      }
      await sns.send(
        new SubscribeCommand({
          TopicArn: String(properties.TopicArn),
          Protocol: String(properties.Protocol),
          Endpoint: String(properties.Endpoint),
          Attributes: attributes,
          ReturnSubscriptionArn: true,
        }),
      );
    }
  } finally {
    dynamodb.destroy();
    sqs.destroy();
    sns.destroy();
  }

  const handlerOfName = new Map<string, HandlerName>([
    [deployment.names.probeFunctionName, 'probe'],
    [deployment.names.evaluateFunctionName, 'evaluate'],
    [deployment.names.sweepFunctionName, 'sweep'],
  ]);
  const functions: DeployedFunction[] = [];
  const functionNameOf = new Map<string, string>();
  for (const stack of [home, ...deployment.probes.values()]) {
    const resources = resourcesOf(synthesized, stack);
    const ofStack = new Map<string, DeployedFunction>();
    for (const [logicalId, fn] of ofType(resources, 'AWS::Lambda::Function')) {
      const functionName = stringProperty(fn, 'FunctionName');
      const handler = handlerOfName.get(functionName);
      if (handler === undefined)
        throw new Error(`${stack.stackName} has a function that is not Lookout's: ${logicalId}`);
      const code = fn.Properties?.Code as { S3Key: string };
      const variables = (fn.Properties?.Environment as { Variables?: unknown } | undefined)?.Variables ?? {};
      const deployed: DeployedFunction = {
        handler,
        region: stack.region,
        functionName,
        assetDirectory: join(synthesized.assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`),
        entryPoint: stringProperty(fn, 'Handler'),
        environment: resolve(variables, resolved) as Record<string, string>,
        timeoutMs: Number(fn.Properties?.Timeout) * 1000,
        scheduleInputs: [],
      };
      ofStack.set(logicalId, deployed);
      functionNameOf.set(logicalId, functionName);
      functions.push(deployed);
    }
    for (const [, schedule] of ofType(resources, 'AWS::Scheduler::Schedule')) {
      const target = schedule.Properties?.Target as { Arn: unknown; Input: string };
      const targetId = getAttId(target.Arn, 'Arn');
      const fn = ofStack.get(targetId);
      if (fn === undefined)
        throw new Error(`a schedule of ${stack.stackName} targets ${targetId}, not a Lookout function`);
      fn.scheduleInputs.push((scheduledTime) =>
        JSON.parse(target.Input.replaceAll(scheduledTimePlaceholder, scheduledTime)),
      );
    }
  }

  const mappings = ofType(homeResources, 'AWS::Lambda::EventSourceMapping');
  if (mappings.length !== 1)
    throw new Error(`the home stack has ${mappings.length} event source mappings, not 1`);
  const [, mapping] = mappings[0] as [string, TemplateResource];
  const mapped = mapping.Properties ?? {};
  const functionRef = (mapped.FunctionName as { Ref?: string }).Ref ?? '';
  const filters = (mapped.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? [];
  const stream = {
    arn: String(resolve(mapped.EventSourceArn, resolved)),
    functionName: functionNameOf.get(functionRef) ?? `unknown function ${functionRef}`,
    settings: {
      batchSize: Number(mapped.BatchSize ?? 100),
      startingPosition: mapped.StartingPosition as StreamMappingSettings['startingPosition'],
      maximumRetryAttempts: Number(mapped.MaximumRetryAttempts ?? 10_000),
      filterPatterns: filters.map((filter) => filter.Pattern),
      reportBatchItemFailures: ((mapped.FunctionResponseTypes as string[] | undefined) ?? []).includes(
        'ReportBatchItemFailures',
      ),
    },
  };

  const [table] = ofType(homeResources, 'AWS::DynamoDB::Table');
  const [topic] = ofType(homeResources, 'AWS::SNS::Topic');
  return {
    functions,
    tableName: resolved.get(table?.[0] ?? '')?.ref ?? '',
    topicArn: resolved.get(topic?.[0] ?? '')?.ref ?? '',
    stream,
  };
}

async function createTable(client: DynamoDBClient, table: TemplateResource): Promise<Resolved> {
  const properties = table.Properties ?? {};
  const name = stringProperty(table, 'TableName');
  const stream = properties.StreamSpecification as { StreamViewType: 'NEW_IMAGE' } | undefined;
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: properties.KeySchema as KeySchemaElement[],
      AttributeDefinitions: properties.AttributeDefinitions as AttributeDefinition[],
      BillingMode: properties.BillingMode as 'PAY_PER_REQUEST',
      ...(stream === undefined
        ? {}
        : { StreamSpecification: { StreamEnabled: true, StreamViewType: stream.StreamViewType } }),
    }),
  );
  const ttl = properties.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
  if (ttl !== undefined) {
    await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: ttl }));
  }
  const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
  const attributes: Record<string, string> = { Arn: Table?.TableArn ?? '' };
  if (Table?.LatestStreamArn !== undefined) attributes.StreamArn = Table.LatestStreamArn;
  return { ref: name, attributes };
}

async function createQueue(client: SQSClient, queue: TemplateResource): Promise<Resolved> {
  const name = stringProperty(queue, 'QueueName');
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return {
    ref: QueueUrl ?? '',
    attributes: { Arn: Attributes?.QueueArn ?? '', QueueName: name, QueueUrl: QueueUrl ?? '' },
  };
}

function resourcesOf(synthesized: SynthesizedLookout, stack: Stack): Record<string, TemplateResource> {
  const template = synthesized.template(stack).toJSON() as { Resources: Record<string, TemplateResource> };
  return template.Resources;
}

function ofType(resources: Record<string, TemplateResource>, type: string): [string, TemplateResource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function stringProperty(resource: TemplateResource, name: string): string {
  const value = resource.Properties?.[name];
  if (typeof value !== 'string')
    throw new Error(`${resource.Type} has no literal ${name}: ${JSON.stringify(value)}`);
  return value;
}

function getAttId(value: unknown, attribute: string): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt === undefined || getAtt[1] !== attribute) {
    throw new Error(`expected Fn::GetAtt ${attribute}, found ${JSON.stringify(value)}`);
  }
  return getAtt[0];
}

/** A template value with every `Ref` and `Fn::GetAtt` replaced by what moto created; other intrinsics throw. */
function resolve(value: unknown, resolved: ReadonlyMap<string, Resolved>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, resolved));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first !== undefined && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
    const [intrinsic, argument] = first;
    if (intrinsic === 'Ref') {
      const target = resolved.get(String(argument));
      if (target === undefined)
        throw new Error(`Ref ${String(argument)}: no such resource was created in moto`);
      return target.ref;
    }
    if (intrinsic === 'Fn::GetAtt') {
      const [logicalId, attribute] = argument as [string, string];
      const found = resolved.get(logicalId)?.attributes[attribute];
      if (found === undefined) throw new Error(`Fn::GetAtt ${logicalId}.${attribute}: not created in moto`);
      return found;
    }
    throw new Error(`${intrinsic} is not resolved by this test: ${JSON.stringify(value)}`);
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, resolve(inner, resolved)]));
}
