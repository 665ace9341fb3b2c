import { describeError, LookoutError } from '../../core/lookout-error';
import type { MetricDatum } from '../../core/metrics/metric-datum';

/** `putMetrics` ran out of retries: the datums of the failed request and of the requests after it were not sent. */
export class MetricsNotPublishedError extends LookoutError {
  override readonly name = 'MetricsNotPublishedError';
  readonly code = 'LOOKOUT_METRICS_NOT_PUBLISHED';

  constructor(
    /**
     * What is left to send; the rest was published (do not send it again). A datum of more than 150 values is
     * sent in pieces: only its pieces not sent are here.
     */
    readonly unsent: MetricDatum[],
    /** How many of the call's datums were not (completely) published. */
    readonly notPublished: number,
    /** How many datums the call had. */
    readonly total: number,
    cause: unknown,
  ) {
    super(`${notPublished} of ${total} metric datums were not published: ${describeError(cause)}`, {
      cause,
    });
  }
}
