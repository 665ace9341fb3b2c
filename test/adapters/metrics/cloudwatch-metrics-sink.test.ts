import { describe, expect, it } from 'vitest';
import { createCloudWatchClient } from '../../../functions/adapters/aws-clients';
import { createCloudWatchMetricsSink } from '../../../functions/adapters/metrics/cloudwatch-metrics-sink';
import { MetricsNotPublishedError } from '../../../functions/adapters/metrics/metrics-not-published-error';
import { isLookoutError } from '../../../functions/core/lookout-error';
import type { MetricDatum } from '../../../functions/core/metrics/metric-datum';
import { closeAfterEach } from '../../support/close-after-each';
import {
  acceptedDatums,
  type CloudWatchEndpoint,
  type DecodedDatum,
  putMetricDataTarget,
  startCloudWatchEndpoint,
} from '../../support/cloudwatch-endpoint';
import { fakeCredentials, fastRetry } from '../../support/fast-retry';

const track = closeAfterEach();
const minuteMs = Date.parse('2025-03-01T12:03:00.000Z');

async function setUp(attempts = 4) {
  const endpoint: CloudWatchEndpoint = await track(startCloudWatchEndpoint());
  const client = createCloudWatchClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: fakeCredentials,
  });
  await track(Promise.resolve({ close: async () => client.destroy() }));
  const retry = fastRetry(attempts);
  return { endpoint, sink: createCloudWatchMetricsSink({ client, retry }), retry };
}

/** `count` distinct latency datums, each with a few values and counts. */
function latencyDatums(count: number): MetricDatum[] {
  return Array.from({ length: count }, (_, index) => ({
    name: 'Latency',
    dimensions: { Region: 'eu-west-1', CheckId: `check-${index}` },
    unit: 'Milliseconds',
    timestampMs: minuteMs + (index % 3) * 60_000,
    values: [index + 0.1, index + 20.5, index + 300],
    counts: [1, (index % 7) + 1, 3],
  }));
}

/** Turns a decoded datum back into Lookout's shape, to compare with what was sent. */
function fromWire(datum: DecodedDatum): MetricDatum {
  return {
    name: datum.MetricName,
    dimensions: Object.fromEntries((datum.Dimensions ?? []).map(({ Name, Value }) => [Name, Value])),
    unit: datum.Unit as MetricDatum['unit'],
    timestampMs: (datum.Timestamp ?? Number.NaN) * 1000,
    values: datum.Values ?? [],
    ...(datum.Counts === undefined ? {} : { counts: datum.Counts }),
  };
}

describe('createCloudWatchMetricsSink', () => {
  it('sends 2500 datums in 3 gzip-compressed awsJson requests of at most 1000, decoded exactly', async () => {
    const { endpoint, sink } = await setUp();
    const datums = latencyDatums(2500);
    await sink.putMetrics(datums);

    expect(endpoint.accepted.map((request) => request.datums.length)).toEqual([1000, 1000, 500]);
    for (const request of endpoint.requests) {
      expect(request.headers['x-amz-target']).toBe(putMetricDataTarget);
      expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');
      expect(request.headers['content-encoding']).toBe('gzip');
      expect(request.wireBytes).toBeLessThan(Buffer.byteLength(request.body));
    }
    expect(endpoint.accepted.every((request) => request.namespace === 'Lookout')).toBe(true);
    expect(acceptedDatums(endpoint).map(fromWire)).toEqual(datums);
  });

  it('sends a small request uncompressed, with dimensions sorted by name and the timestamp in epoch seconds', async () => {
    const { endpoint, sink } = await setUp();
    await sink.putMetrics([
      {
        name: 'Availability',
        dimensions: { Region: 'us-east-1', CheckId: 'orders-api' },
        unit: 'Percent',
        timestampMs: minuteMs,
        values: [0, 100],
        counts: [1, 2],
      },
    ]);
    expect(endpoint.requests[0]?.gzipped).toBe(false);
    expect(endpoint.accepted[0]?.datums).toEqual([
      {
        MetricName: 'Availability',
        Dimensions: [
          { Name: 'CheckId', Value: 'orders-api' },
          { Name: 'Region', Value: 'us-east-1' },
        ],
        Timestamp: minuteMs / 1000,
        Values: [0, 100],
        Counts: [1, 2],
        Unit: 'Percent',
      },
    ]);
  });

  it('retries a 500 and throttling in the middle without losing or doubling a datum', async () => {
    const { endpoint, sink } = await setUp();
    endpoint.failRequests([2], 'server-error');
    endpoint.failRequests([3], 'throttling');
    const datums = latencyDatums(2500);
    await sink.putMetrics(datums);
    expect(endpoint.requests.map((request) => request.fault ?? 'ok')).toEqual([
      'ok',
      'server-error',
      'throttling',
      'ok',
      'ok',
    ]);
    const received = acceptedDatums(endpoint).map(fromWire);
    expect(received).toHaveLength(2500);
    expect(received).toEqual(datums);
  });

  it('rejects after exhausting retries, listing exactly the datums not published', async () => {
    const { endpoint, sink } = await setUp(3);
    endpoint.failRequests([2, 3, 4], 'server-error');
    const datums = latencyDatums(2500);
    const error = await sink.putMetrics(datums).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetricsNotPublishedError);
    const { unsent, total } = error as MetricsNotPublishedError;
    expect(total).toBe(2500);
    expect(endpoint.requests).toHaveLength(4);
    const published = acceptedDatums(endpoint).map(fromWire);
    expect(published).toEqual(datums.slice(0, 1000));
    expect(unsent).toEqual(datums.slice(1000));
    expect(error).toMatchObject({ code: 'LOOKOUT_METRICS_NOT_PUBLISHED', notPublished: 1500 });
    expect(isLookoutError(error, 'LOOKOUT_METRICS_NOT_PUBLISHED')).toBe(true);
    expect((error as Error).message).toMatch(/^1500 of 2500 metric datums were not published: /);
  });

  it('counts the datums not published, not the pieces a datum of more than 150 values is sent in', async () => {
    const { endpoint, sink } = await setUp(3);
    endpoint.failRequests([1, 2, 3], 'server-error');
    const datums: MetricDatum[] = Array.from({ length: 40 }, (_, index) => ({
      name: 'Latency',
      dimensions: { CheckId: `check-${index}` },
      unit: 'Milliseconds',
      timestampMs: minuteMs,
      values: Array.from({ length: 300 }, (_, value) => value + index),
    }));
    const error = await sink.putMetrics(datums).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetricsNotPublishedError);
    const { unsent, notPublished, total, message } = error as MetricsNotPublishedError;
    expect(message).toMatch(/^40 of 40 metric datums were not published: /);
    expect([notPublished, total]).toEqual([40, 40]);
    // What is left to send is the 80 pieces, which together hold every value once.
    expect(unsent).toHaveLength(80);
    expect(unsent.flatMap((piece) => piece.values)).toEqual(datums.flatMap((datum) => datum.values));
  });

  it('keeps each request under 1 MB, however many datums would fit the count limit', async () => {
    const { endpoint, sink } = await setUp();
    const wide: MetricDatum[] = Array.from({ length: 1000 }, (_, index) => ({
      name: 'Latency',
      dimensions: { CheckId: `a-rather-long-check-identifier-${index}`, Region: 'ap-southeast-2' },
      unit: 'Milliseconds',
      timestampMs: minuteMs,
      values: Array.from({ length: 150 }, (_, value) => 1000 + value * 0.1 + index / 1000),
      counts: Array.from({ length: 150 }, (_, value) => (value % 9) + 1),
    }));
    await sink.putMetrics(wide);
    expect(endpoint.accepted.length).toBeGreaterThan(1);
    for (const request of endpoint.accepted) expect(request.bodyBytes).toBeLessThanOrEqual(1_000_000);
    expect(acceptedDatums(endpoint).map(fromWire)).toEqual(wide);
  });

  it('splits a datum of more than 150 values, keeping every count', async () => {
    const { endpoint, sink } = await setUp();
    const values = Array.from({ length: 400 }, (_, index) => index);
    const counts = values.map((value) => (value % 4) + 1);
    await sink.putMetrics([
      {
        name: 'Latency',
        dimensions: { CheckId: 'a' },
        unit: 'Milliseconds',
        timestampMs: minuteMs,
        values,
        counts,
      },
    ]);
    const received = acceptedDatums(endpoint);
    expect(received.map((datum) => datum.Values?.length)).toEqual([150, 150, 100]);
    expect(received.flatMap((datum) => datum.Values)).toEqual(values);
    expect(received.flatMap((datum) => datum.Counts)).toEqual(counts);
  });

  it('sends nothing for no datums', async () => {
    const { endpoint, sink } = await setUp();
    await sink.putMetrics([]);
    expect(endpoint.requests).toHaveLength(0);
  });
});
