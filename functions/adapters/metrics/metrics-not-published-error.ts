import type { MetricDatum } from '../../core/metrics/metric-datum';

/** `putMetrics` ran out of retries: the datums of the failed request and of the requests after it were not sent. */
export class MetricsNotPublishedError extends Error {
  override readonly name = 'MetricsNotPublishedError';

  constructor(
    /** The datums not published; the others were (do not send those again). */
    readonly unsent: MetricDatum[],
    /** How many datums the call had. */
    readonly total: number,
    cause: unknown,
  ) {
    super(`${unsent.length} of ${total} metric datums were not published: ${describeError(cause)}`, {
      cause,
    });
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
