import { type CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { metricsNamespace } from '../../core/contract/metric-names';
import type { MetricDatum } from '../../core/metrics/metric-datum';
import type { MetricsSink } from '../../core/ports/metrics-sink';
import { type RetryOptions, retryWithBackoff } from '../retry-with-backoff';
import { batchDatums, prepareDatums } from './metric-batches';
import { MetricsNotPublishedError } from './metrics-not-published-error';

/** CloudWatch's limit of datums per PutMetricData request. */
export const maxDatumsPerRequest = 1000;

/** The body size a request is kept under: CloudWatch takes 1 MB (1,048,576 bytes); this leaves room. */
export const maxRequestBytes = 1_000_000;

/** How the CloudWatch metrics sink publishes. */
export interface CloudWatchMetricsSinkOptions {
  /**
   * A CloudWatch client; give it `maxAttempts: 1` (see `createCloudWatchClient`), this retries. It gzips
   * request bodies of 10 KiB or more (the SDK's `requestMinCompressionSizeBytes`), which CloudWatch accepts.
   */
  client: CloudWatchClient;
  /**
   * The namespace of every metric.
   * @default 'Lookout'
   */
  namespace?: string;
  /**
   * How each request retries throttling, 5xx and network errors.
   * @default { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000 }
   */
  retry?: RetryOptions;
}

/**
 * A metrics sink that publishes datums with PutMetricData, in requests of at most 1000 datums and 1 MB, one
 * after another, each retried on its own. When a request runs out of retries it rejects with a
 * `MetricsNotPublishedError` listing what was not sent (that request's datums and the later ones'), so a
 * caller that tries again sends nothing twice, and counting the datums given that were not (completely) sent.
 */
export function createCloudWatchMetricsSink(options: CloudWatchMetricsSinkOptions): MetricsSink {
  const namespace = options.namespace ?? metricsNamespace;
  const retry: RetryOptions = { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry };
  return {
    async putMetrics(datums: readonly MetricDatum[]): Promise<void> {
      const batches = batchDatums(prepareDatums(datums), namespace, maxDatumsPerRequest, maxRequestBytes);
      for (const [index, batch] of batches.entries()) {
        const input = { Namespace: namespace, MetricData: batch.map((datum) => datum.sdk) };
        try {
          await retryWithBackoff(() => options.client.send(new PutMetricDataCommand(input)), retry);
        } catch (error) {
          const unsent = batches.slice(index).flat();
          const notPublished = new Set(unsent.map((piece) => piece.datumIndex)).size;
          throw new MetricsNotPublishedError(
            unsent.map((piece) => piece.source),
            notPublished,
            datums.length,
            error,
          );
        }
      }
    },
  };
}
