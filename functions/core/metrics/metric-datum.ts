/** A CloudWatch unit Lookout uses. */
export type MetricUnit = 'Milliseconds' | 'Percent' | 'Count' | 'None';

/** One metric datum, in the shape CloudWatch takes, with no SDK type. */
export interface MetricDatum {
  /** Such as `'Availability'`, `'Latency'`, `'LatencyTls'`, `'CertificateDaysLeft'`, `'SloBudgetRemaining'`. */
  name: string;
  /** Such as `{ CheckId: 'orders-api', Region: 'eu-west-1' }`. */
  dimensions: Record<string, string>;
  unit: MetricUnit;
  /** Epoch milliseconds. */
  timestampMs: number;
  /** One value, or several with `counts` (CloudWatch's Values/Counts arrays). */
  values: number[];
  /** How many times each of `values` occurred; omitted means once each. */
  counts?: number[];
}
