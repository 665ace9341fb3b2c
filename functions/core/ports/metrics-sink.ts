import type { MetricDatum } from '../metrics/metric-datum';

/** Where metrics go: CloudWatch in AWS, nowhere (or a log) locally. */
export interface MetricsSink {
  /** Publishes datums, split into requests within the service's limits; rejects when retries are exhausted. */
  putMetrics(datums: readonly MetricDatum[]): Promise<void>;
}
