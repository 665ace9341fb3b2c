import type { MetricDatum as SdkMetricDatum } from '@aws-sdk/client-cloudwatch';
import type { MetricDatum } from '../../core/metrics/metric-datum';
import { maxValuesPerDatum } from '../../core/metrics/value-tally';

/** One datum in the SDK's shape (a piece of one, for more than 150 values), with an estimate of its size. */
export interface PreparedDatum {
  /** The datum this was prepared from: its position among the datums given. */
  datumIndex: number;
  /** What this sends, in Lookout's shape: the whole datum, or the piece of its values and counts. */
  source: MetricDatum;
  sdk: SdkMetricDatum;
  /** Bytes it adds to the JSON request body (the SDK sends awsJson 1.0, timestamps as epoch seconds). */
  bytes: number;
}

/** Turns a datum into the SDK's shape, splitting more than 150 values into several; empty ones are dropped. */
export function prepareDatums(datums: readonly MetricDatum[]): PreparedDatum[] {
  const prepared: PreparedDatum[] = [];
  for (const [datumIndex, datum] of datums.entries()) {
    for (let start = 0; start < datum.values.length; start += maxValuesPerDatum) {
      const values = datum.values.slice(start, start + maxValuesPerDatum);
      const counts = datum.counts?.slice(start, start + maxValuesPerDatum);
      const source: MetricDatum = { ...datum, values, ...(counts === undefined ? {} : { counts }) };
      const sdk: SdkMetricDatum = {
        MetricName: datum.name,
        Dimensions: Object.entries(datum.dimensions)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([Name, Value]) => ({ Name, Value })),
        Timestamp: new Date(datum.timestampMs),
        Values: values,
        ...(counts === undefined ? {} : { Counts: counts }),
        Unit: datum.unit,
      };
      const wire = { ...sdk, Timestamp: datum.timestampMs / 1000 };
      prepared.push({ datumIndex, source, sdk, bytes: Buffer.byteLength(JSON.stringify(wire)) + 1 });
    }
  }
  return prepared;
}

/** Splits datums into requests of at most `maxDatums` datums and about `maxBytes` bytes of body each. */
export function batchDatums(
  datums: readonly PreparedDatum[],
  namespace: string,
  maxDatums: number,
  maxBytes: number,
): PreparedDatum[][] {
  const envelopeBytes = Buffer.byteLength(JSON.stringify({ Namespace: namespace, MetricData: [] }));
  const batches: PreparedDatum[][] = [];
  let current: PreparedDatum[] = [];
  let currentBytes = envelopeBytes;
  for (const datum of datums) {
    if (current.length > 0 && (current.length >= maxDatums || currentBytes + datum.bytes > maxBytes)) {
      batches.push(current);
      current = [];
      currentBytes = envelopeBytes;
    }
    current.push(datum);
    currentBytes += datum.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
