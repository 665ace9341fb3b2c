import { describe, expect, it } from 'vitest';
import { createEmfMetricsSink, emfDocuments } from '../../../functions/adapters/metrics/emf-metrics-sink';
import type { MetricDatum } from '../../../functions/core/metrics/metric-datum';

const minuteMs = Date.parse('2026-11-02T10:00:00.000Z');

function datum(
  name: string,
  values: number[],
  dimensions: Record<string, string>,
  extra: Partial<MetricDatum> = {},
) {
  return { name, unit: 'Count', values, dimensions, timestampMs: minuteMs, ...extra } satisfies MetricDatum;
}

describe('the embedded metric format sink', () => {
  it("writes one JSON line per document, in CloudWatch's embedded metric format, datums of the same dimensions and time together", async () => {
    const lines: string[] = [];
    const sink = createEmfMetricsSink({ write: (line) => lines.push(line) });
    await sink.putMetrics([
      datum('ProbesSkipped', [0], { Region: 'eu-west-1' }),
      datum('ProbeRunDuration', [812], { Region: 'eu-west-1' }, { unit: 'Milliseconds' }),
    ]);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      _aws: {
        Timestamp: minuteMs,
        CloudWatchMetrics: [
          {
            Namespace: 'Lookout',
            Dimensions: [['Region']],
            Metrics: [
              { Name: 'ProbesSkipped', Unit: 'Count' },
              { Name: 'ProbeRunDuration', Unit: 'Milliseconds' },
            ],
          },
        ],
      },
      Region: 'eu-west-1',
      ProbesSkipped: 0,
      ProbeRunDuration: 812,
    });
  });

  it('starts another document for other dimensions, another time, a repeated name, or past 100 values', () => {
    const documents = emfDocuments(
      [
        datum('Availability', [1], { CheckId: 'a' }),
        datum('Availability', [0], { CheckId: 'b' }),
        datum('Availability', [1], { CheckId: 'a' }, { timestampMs: minuteMs + 60_000 }),
        datum('Availability', [1], { CheckId: 'a' }),
        datum('Latency', [5, 7], { CheckId: 'a' }, { counts: [2, 1], unit: 'Milliseconds' }),
        datum(
          'Latency',
          Array.from({ length: 150 }, (_, index) => index),
          { CheckId: 'c' },
        ),
      ],
      'Lookout',
    );
    expect(documents.map((document) => [document.CheckId, document._aws.Timestamp - minuteMs])).toEqual([
      ['a', 0],
      ['b', 0],
      ['a', 60_000],
      ['a', 0],
      ['c', 0],
      ['c', 0],
    ]);
    // Counts are written out: EMF takes values only.
    expect(documents[3]).toMatchObject({ Availability: 1, Latency: [5, 5, 7] });
    expect(documents[4]?.Latency).toHaveLength(100);
    expect(documents[5]?.Latency).toHaveLength(50);
  });
});
