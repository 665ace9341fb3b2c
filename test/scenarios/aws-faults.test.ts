import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudWatchClient, createSnsClient } from '../../functions/adapters/aws-clients';
import { createCloudWatchMetricsSink } from '../../functions/adapters/metrics/cloudwatch-metrics-sink';
import { createSnsNotifier } from '../../functions/adapters/notifiers/sns-notifier';
import type { LookoutEvent } from '../../functions/core/alerting/lookout-event';
import {
  acceptedDatums,
  type CloudWatchEndpoint,
  startCloudWatchEndpoint,
} from '../support/cloudwatch-endpoint';
import { fakeCredentials, fastRetry } from '../support/fast-retry';
import { faults } from '../support/fault-proxy';
import { oneCheckMonitor, Scenario } from '../support/scenario';
import { type SnsEndpoint, startSnsEndpoint } from '../support/sns-endpoint';
import { useDynamo } from '../support/use-dynamo';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:lookout-alerts';
const db = useDynamo({ faults: true });
let sns: SnsEndpoint;
let cloudWatch: CloudWatchEndpoint;

beforeAll(async () => {
  sns = await startSnsEndpoint([topicArn]);
  cloudWatch = await startCloudWatchEndpoint();
});
afterAll(async () => {
  await Promise.all([sns.close(), cloudWatch.close()]);
});

describe('AWS faults', () => {
  it('DynamoDB throttling and 500s, SNS 500s and CloudWatch 500s lose no result and no notification, and double none', async () => {
    const { tableName } = db;
    const notifier = createSnsNotifier({
      client: createSnsClient({ region: 'us-east-1', endpoint: sns.url, credentials: fakeCredentials }),
      topicArn,
      retry: fastRetry(3),
    });
    const metrics = createCloudWatchMetricsSink({
      client: createCloudWatchClient({
        region: 'us-east-1',
        endpoint: cloudWatch.url,
        credentials: fakeCredentials,
      }),
      retry: fastRetry(5),
    });
    const run = new Scenario(oneCheckMonitor({ slo: { availability: 99.9 } }), {
      endpoint: db.proxy.endpoint,
      tableName,
      notifier,
      metrics,
    });
    // Every 4th request to DynamoDB is throttled, every 7th fails with a 500 after DynamoDB performed it.
    db.proxy.setPlan((request) =>
      request.index % 7 === 6
        ? faults.serverError(true)
        : request.index % 4 === 3
          ? faults.throttle()
          : undefined,
    );
    const outcomes: Array<'ok' | 'fail'> = [
      'ok',
      'ok',
      'fail',
      'fail',
      'fail',
      'fail',
      'ok',
      'ok',
      'ok',
      'ok',
    ];
    for (const [index, outcome] of outcomes.entries()) {
      if (index === 3) sns.failNext(4, 'server-error'); // more than the notifier's 3 attempts: the opened event waits
      if (index === 5) cloudWatch.failNext(2, 'server-error'); // within the sink's retries
      await run.round('orders-api', () => outcome);
      await run.sweep();
    }
    await run.sweep();

    const stored = await run.store.resultsSince('orders-api', 0);
    expect(stored).toHaveLength(outcomes.length * 3);
    const events = sns.published.map(
      (publish) => JSON.parse(JSON.parse(publish.message).default) as LookoutEvent,
    );
    expect(events.filter((event) => event.kind === 'outage').map((event) => event.type)).toEqual([
      'opened',
      'resolved',
    ]);
    expect(events.filter((event) => event.kind === 'slo-availability').map((event) => event.type)).toEqual([
      'opened',
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(sns.requests.filter((request) => request.fault !== undefined).length).toBeGreaterThanOrEqual(4);
    const availability = acceptedDatums(cloudWatch).filter(
      (datum) => datum.MetricName === 'Availability' && datum.Dimensions?.length === 1,
    );
    const probesCounted = availability.reduce(
      (sum, datum) => sum + (datum.Counts ?? datum.Values?.map(() => 1) ?? [1]).reduce((a, b) => a + b, 0),
      0,
    );
    expect(probesCounted).toBe(outcomes.length * 3);
    expect(db.proxy.seen.filter((request) => request.action.kind === 'error').length).toBeGreaterThan(10);
    const counter = await run.store.counterAtOrBefore('orders-api', Number.POSITIVE_INFINITY);
    expect(counter?.total).toBe(outcomes.length * 3);
  });
});
