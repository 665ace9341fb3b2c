/**
 * The real bundles against moto: the NodejsFunction output of the probe, evaluate and sweep handlers (esbuild,
 * CommonJS, `@aws-sdk/*` left for the runtime, `monitor.json` beside each), loaded in this process as Lambda's
 * Node.js runtime loads them, with the environment their synthesized templates give them, against AWS services
 * emulated by `moto_server` on 127.0.0.1: the results table and its stream, the alert topic, an SQS queue
 * subscribed to it, CloudWatch.
 *
 * moto emulates the services' APIs, not what AWS runs on its own, so this test plays two parts itself, from the
 * templates: EventBridge Scheduler (it invokes each probe and sweep function every minute with its schedule's
 * input, the scheduler's time filled in, on a simulated clock so that minutes pass at once) and the Lambda
 * event source mapping on the table's stream (test/support/dynamodb-stream-poller.ts reads the stream through
 * moto's DynamoDB Streams API and invokes the evaluate function as Lambda would: the mapping's filter, batch
 * size and partial batch failures). The target is a loopback HTTP server that fails, then recovers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineMonitor, http } from '../../functions/core';
import { metricDimensions, metricNames, metricsNamespace } from '../../functions/core/contract/metric-names';
import type { ProbeSummary } from '../../functions/handlers/probe-handler';
import type { SweepSummary } from '../../functions/handlers/sweep-handler';
import { projectRoot } from '../../infra/handler-bundling';
import { synthLookout } from '../infra/synth-lookout';
import { DynamoDbStreamPoller } from '../support/dynamodb-stream-poller';
import { externalTool } from '../support/external-tool';
import { type HttpTestServer, startHttpServer } from '../support/http-test-server';
import { type InProcessLambda, loadInProcess } from '../support/in-process-lambda';
import { type MotoServer, startMotoServer } from '../support/moto-server';
import { type DeployedFunction, deployToMoto } from './moto-deployment';

const moto = externalTool('moto_server');

const homeRegion = 'us-east-1';
const regions = ['us-east-1', 'eu-west-1'];
const checkId = 'orders-api';
const minuteMs = 60_000;
/** The simulated clock starts on a whole minute, 30 minutes before the real one: CloudWatch takes past data. */
const startMs = Math.floor(Date.now() / minuteMs) * minuteMs - 30 * minuteMs;

/** The AWS SDK's own variables for every function here: moto's endpoint, fake credentials, no instance metadata. */
const sdkEnvironment = (endpoint: string) => ({
  AWS_ENDPOINT_URL: endpoint,
  AWS_ACCESS_KEY_ID: 'moto',
  AWS_SECRET_ACCESS_KEY: 'moto',
  AWS_EC2_METADATA_DISABLED: 'true',
});

let motoServer: MotoServer | undefined;
let target: HttpTestServer | undefined;
let healthy = true;
let assemblyRoot: string | undefined;
const savedEnvironment = new Map<string, string | undefined>();

interface Deployed {
  probes: { region: string; lambda: InProcessLambda; inputs: DeployedFunction['scheduleInputs'] }[];
  sweep: { lambda: InProcessLambda; inputs: DeployedFunction['scheduleInputs'] };
  evaluate: InProcessLambda;
  poller: DynamoDbStreamPoller;
  sqs: SQSClient;
  cloudWatch: CloudWatchClient;
  subscriberQueueUrl: string;
  topicArn: string;
}
let deployed: Deployed | undefined;

beforeAll(async () => {
  if (!moto.available) return;
  target = await startHttpServer({
    respond: () =>
      healthy ? { kind: 'respond', status: 200, body: 'ok' } : { kind: 'respond', status: 503, body: 'down' },
  });
  motoServer = await startMotoServer();
  const endpoint = motoServer.endpoint;
  for (const [name, value] of Object.entries(sdkEnvironment(endpoint))) {
    savedEnvironment.set(name, process.env[name]);
    process.env[name] = value;
  }
  const clientOptions = { region: homeRegion };
  const sqs = new SQSClient(clientOptions);
  const cloudWatch = new CloudWatchClient(clientOptions);
  // The subscriber's own queue, outside Lookout's stacks: the monitor's `alerts.sqs` subscribes it to the topic.
  const { QueueUrl: subscriberQueueUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'on-call-events' }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: subscriberQueueUrl, AttributeNames: ['QueueArn'] }),
  );

  // The cloud assembly, bundles included, lies under the project's node_modules: the bundles' `@aws-sdk/*`
  // requires resolve there, as they resolve to the runtime's copy in Lambda.
  const cacheDirectory = join(projectRoot, 'node_modules', '.cache');
  mkdirSync(cacheDirectory, { recursive: true });
  assemblyRoot = mkdtempSync(join(cacheDirectory, 'lookout-e2e-'));
  // No package scope of the project's: Lambda loads `index.js` as CommonJS, and so does Node here.
  writeFileSync(join(assemblyRoot, 'package.json'), '{ "type": "commonjs" }\n');
  const synthesized = synthLookout({
    outdir: join(assemblyRoot, 'cdk.out'),
    bundlingStacks: ['**'],
    monitor: defineMonitor({
      homeRegion,
      regions,
      alerts: { sqs: [Attributes?.QueueArn ?? ''] },
      defaults: { timeout: '2s' },
      checks: [
        http({
          id: checkId,
          url: `${target.url}/health`,
          alert: { consecutiveFailures: 2, consecutiveSuccesses: 2 },
        }),
      ],
    }),
  });
  const deployment = await deployToMoto(synthesized, endpoint);

  // The clock is simulated before the bundles load, so that what they take from `Date` at load is the simulated one.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(startMs);
  const load = (fn: DeployedFunction) =>
    loadInProcess(fn, join(assemblyRoot as string, 'functions', `${fn.region}-${fn.functionName}`));
  const byHandler = (handler: DeployedFunction['handler']) =>
    deployment.functions.filter((fn) => fn.handler === handler);
  const [sweepFunction] = byHandler('sweep');
  const [evaluateFunction] = byHandler('evaluate');
  if (sweepFunction === undefined || evaluateFunction === undefined) {
    throw new Error('no sweep or evaluate function');
  }
  const evaluate = load(evaluateFunction);
  if (deployment.stream.functionName !== evaluate.functionName) {
    throw new Error(`the stream is mapped to ${deployment.stream.functionName}, not the evaluate function`);
  }
  deployed = {
    probes: byHandler('probe').map((fn) => ({
      region: fn.region,
      lambda: load(fn),
      inputs: fn.scheduleInputs,
    })),
    sweep: { lambda: load(sweepFunction), inputs: sweepFunction.scheduleInputs },
    evaluate,
    poller: new DynamoDbStreamPoller(
      deployment.stream.arn,
      deployment.stream.settings,
      (event: DynamoDBStreamEvent) => evaluate.invoke<DynamoDBBatchResponse>(event),
      { region: homeRegion },
    ),
    sqs,
    cloudWatch,
    subscriberQueueUrl,
    topicArn: deployment.topicArn,
  };
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  deployed?.poller.close();
  deployed?.sqs.destroy();
  deployed?.cloudWatch.destroy();
  await Promise.all([motoServer?.stop(), target?.close()]);
  for (const [name, value] of savedEnvironment) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (assemblyRoot !== undefined) rmSync(assemblyRoot, { recursive: true, force: true });
});

/** An SNS notification as the subscribed queue receives it (not raw delivery). */
interface Notification {
  Type: string;
  TopicArn: string;
  Message: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

describe(`the real bundles against moto_server, the scheduler and the stream poller played by the test${moto.skipNote}`, () => {
  /**
   * One simulated minute, in the order AWS runs it: the scheduler invokes the sweep and each probe function
   * (every region) with their schedules' inputs at the minute; the sweep, which only reads and counts, is done
   * before the probes' results are in; about five seconds later (the mapping's batching window) the stream
   * poller delivers the new results to the evaluate function. Returns what arrived in the subscribed queue.
   */
  let filteredOut = 0;
  let sentBySweep = 0;

  async function minute(index: number): Promise<Notification[]> {
    const run = deployed as Deployed;
    const scheduledMs = startMs + index * minuteMs;
    const scheduledTime = new Date(scheduledMs).toISOString();
    vi.setSystemTime(scheduledMs + 200);
    for (const input of run.sweep.inputs) {
      const summary = await run.sweep.lambda.invoke<SweepSummary>(input(scheduledTime));
      expect(summary.failed, `checks the sweep failed in minute ${index}`).toEqual([]);
      sentBySweep += summary.sent;
    }
    vi.setSystemTime(scheduledMs + 1_000);
    for (const probe of run.probes) {
      for (const input of probe.inputs) {
        const summary = await probe.lambda.invoke<ProbeSummary>(input(scheduledTime));
        expect(summary.probed, `${probe.lambda.functionName} in minute ${index}`).toBe(1);
      }
    }
    vi.setSystemTime(scheduledMs + 7_000);
    const polled = await run.poller.poll();
    expect(polled.discarded, `records given up on in minute ${index}`).toEqual([]);
    expect(polled.delivered, `results delivered in minute ${index}`).toBe(regions.length);
    filteredOut += polled.read - polled.delivered;
    return receiveAll(run);
  }

  async function receiveAll(run: Deployed): Promise<Notification[]> {
    const notifications: Notification[] = [];
    for (;;) {
      const { Messages = [] } = await run.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: run.subscriberQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
        }),
      );
      if (Messages.length === 0) return notifications;
      for (const message of Messages) {
        notifications.push(JSON.parse(message.Body ?? '') as Notification);
        await run.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: run.subscriberQueueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
      }
    }
  }

  it.skipIf(!moto.available)(
    'a failing loopback target opens an outage, published to SNS and read back from the subscribed SQS queue; its recovery resolves it',
    async () => {
      const run = deployed as Deployed;
      // consecutiveFailures: 2, consecutiveSuccesses: 2; both regions fail and recover together.
      const plan = [true, false, false, true, true];
      const arrived: Notification[][] = [];
      for (const [index, up] of plan.entries()) {
        healthy = up;
        arrived.push(await minute(index));
      }

      expect(arrived.map((notifications) => notifications.map(eventOf).map((event) => event.type))).toEqual([
        [],
        [],
        ['opened'],
        [],
        ['resolved'],
      ]);
      // Both transitions were published by the evaluate function, on the stream batch that closed the round.
      expect(sentBySweep).toBe(0);
      const [opened, resolved] = arrived.flat();
      for (const notification of [opened, resolved]) {
        expect(notification).toMatchObject({ Type: 'Notification', TopicArn: run.topicArn });
      }
      expect(eventOf(opened)).toMatchObject({
        schema: 'lookout.event.v1',
        type: 'opened',
        kind: 'outage',
        severity: 'critical',
        checkId,
        target: `${target?.url}/health`,
        regions: [...regions].sort(),
        since: new Date(startMs + minuteMs).toISOString(),
        lastFailure: { code: 'ASSERTION_FAILED' },
      });
      expect(attributesOf(opened)).toEqual({
        event: 'opened',
        severity: 'critical',
        checkId,
        kind: 'outage',
      });
      expect(eventOf(resolved)).toMatchObject({
        type: 'resolved',
        kind: 'outage',
        checkId,
        since: new Date(startMs + minuteMs).toISOString(),
      });
      expect(attributesOf(resolved)).toEqual({
        event: 'resolved',
        severity: 'info',
        checkId,
        kind: 'outage',
      });

      // The stream also carried the table's other items (the sweep's counters, alert states), which the
      // mapping's filter kept from the evaluate function.
      expect(filteredOut).toBeGreaterThan(0);

      // The evaluate function's PutMetricData reached moto's CloudWatch: by default, the two lean series of the
      // check (Availability and Latency, by CheckId only), Availability averaging both regions' probes.
      const { Metrics = [] } = await run.cloudWatch.send(
        new ListMetricsCommand({ Namespace: metricsNamespace }),
      );
      expect(
        Metrics.map((metric) => ({ name: metric.MetricName, dimensions: metric.Dimensions })).sort((a, b) =>
          String(a.name).localeCompare(String(b.name)),
        ),
      ).toEqual(
        [metricNames.availability, metricNames.latency].map((name) => ({
          name,
          dimensions: [{ Name: metricDimensions.checkId, Value: checkId }],
        })),
      );
      const { MetricDataResults = [] } = await run.cloudWatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(startMs),
          EndTime: new Date(startMs + plan.length * minuteMs),
          MetricDataQueries: [
            {
              Id: 'availability',
              MetricStat: {
                Metric: {
                  Namespace: metricsNamespace,
                  MetricName: metricNames.availability,
                  Dimensions: [{ Name: metricDimensions.checkId, Value: checkId }],
                },
                Period: 60,
                Stat: 'Average',
              },
            },
          ],
        }),
      );
      const [availability] = MetricDataResults;
      const byMinute = (availability?.Timestamps ?? [])
        .map((at, index) => [at.getTime(), availability?.Values?.[index]] as const)
        .sort(([a], [b]) => a - b)
        .map(([, value]) => value);
      expect(byMinute).toEqual(plan.map((up) => (up ? 100 : 0)));

      // Each probe function ran as its own stack's region, and no function logged an error.
      for (const probe of run.probes) {
        const regionsLogged = new Set(resultLines(probe.lambda).map((line) => line.region));
        expect([...regionsLogged]).toEqual([probe.region]);
      }
      for (const lambda of [...run.probes.map((probe) => probe.lambda), run.sweep.lambda, run.evaluate]) {
        expect(
          lambda.log.filter((line) => line.includes('"level":"error"')),
          lambda.functionName,
        ).toEqual([]);
      }
    },
    60_000,
  );
});

function eventOf(notification: Notification | undefined): Record<string, unknown> & { type: string } {
  return JSON.parse(notification?.Message ?? '{}') as Record<string, unknown> & { type: string };
}

function attributesOf(notification: Notification | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(notification?.MessageAttributes ?? {}).map(([name, { Value }]) => [name, Value]),
  );
}

/** The probe's compact result log lines (core/contract/result-log.ts). */
function resultLines(lambda: InProcessLambda): { region: string }[] {
  return lambda.log
    .filter((line) => line.includes('"msg":"lookout.result"'))
    .map((line) => JSON.parse(line) as { region: string });
}
