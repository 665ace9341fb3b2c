import { type AwsEndpoint, type AwsReply, type AwsRequest, startAwsEndpoint } from './aws-endpoint';

/** The JSON content type CloudWatch's SDK client sends and expects (awsJson 1.0, query-compatible). */
const contentType = 'application/x-amz-json-1.0';
/** The `x-amz-target` of PutMetricData. */
export const putMetricDataTarget = 'GraniteServiceVersion20100801.PutMetricData';

/** CloudWatch's documented limits of one PutMetricData request. */
export const cloudWatchLimits = {
  datumsPerRequest: 1000,
  valuesPerDatum: 150,
  requestBytes: 1_048_576,
} as const;

/** One datum as it arrived. */
export interface DecodedDatum {
  MetricName: string;
  Dimensions?: Array<{ Name: string; Value: string }>;
  /** Epoch seconds (the JSON protocol's timestamp format). */
  Timestamp?: number;
  Value?: number;
  Values?: number[];
  Counts?: number[];
  Unit?: string;
  StorageResolution?: number;
}

/** One accepted PutMetricData request. */
export interface DecodedPutMetricData {
  namespace: string;
  datums: DecodedDatum[];
  /** Whether it came gzip-compressed, and its size on the wire and decoded. */
  gzipped: boolean;
  wireBytes: number;
  bodyBytes: number;
}

/** A loopback CloudWatch endpoint that accepts PutMetricData. */
export interface CloudWatchEndpoint extends AwsEndpoint {
  /** PutMetricData requests accepted (answered 200), in order. */
  accepted: DecodedPutMetricData[];
}

/**
 * Starts a loopback CloudWatch endpoint speaking what the installed SDK sends: awsJson 1.0 (`x-amz-target:
 * GraniteServiceVersion20100801.PutMetricData`, `x-amzn-query-mode: true`), gzip-compressed above the SDK's
 * threshold. Requests beyond CloudWatch's limits (1000 datums, 150 values, 1 MB) are rejected as CloudWatch does.
 */
export async function startCloudWatchEndpoint(): Promise<CloudWatchEndpoint> {
  const accepted: DecodedPutMetricData[] = [];
  const endpoint = await startAwsEndpoint({
    handle(request) {
      if (request.headers['content-type'] !== contentType) {
        return error(
          400,
          'InvalidParameterValue',
          `unexpected content-type ${request.headers['content-type']}`,
        );
      }
      if (request.headers['x-amz-target'] !== putMetricDataTarget) {
        return error(400, 'InvalidAction', `unexpected x-amz-target ${request.headers['x-amz-target']}`);
      }
      if (!request.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
        return error(403, 'MissingAuthenticationToken', 'the request is not signed');
      }
      const problem = validate(request);
      if (problem !== undefined) return error(400, 'InvalidParameterValue', problem);
      const input = JSON.parse(request.body) as { Namespace: string; MetricData: DecodedDatum[] };
      accepted.push({
        namespace: input.Namespace,
        datums: input.MetricData,
        gzipped: request.gzipped,
        wireBytes: request.wireBytes,
        bodyBytes: Buffer.byteLength(request.body),
      });
      return { status: 200, headers: { 'content-type': contentType }, body: '{}' };
    },
    fault(fault) {
      return fault === 'throttling'
        ? error(400, 'Throttling', 'Rate exceeded', 'Throttling;Sender')
        : error(500, 'InternalServiceFault', 'Internal service error', 'InternalServiceError;Receiver');
    },
  });
  return { ...endpoint, accepted };
}

/** Every datum CloudWatch accepted, across requests. */
export function acceptedDatums(endpoint: CloudWatchEndpoint): DecodedDatum[] {
  return endpoint.accepted.flatMap((request) => request.datums);
}

function validate(request: AwsRequest): string | undefined {
  const bodyBytes = Buffer.byteLength(request.body);
  if (bodyBytes > cloudWatchLimits.requestBytes) return `request of ${bodyBytes} bytes is over 1 MB`;
  const input = JSON.parse(request.body) as { Namespace?: unknown; MetricData?: DecodedDatum[] };
  if (typeof input.Namespace !== 'string' || !Array.isArray(input.MetricData))
    return 'Namespace and MetricData are required';
  if (input.MetricData.length > cloudWatchLimits.datumsPerRequest) {
    return `${input.MetricData.length} datums: at most ${cloudWatchLimits.datumsPerRequest} per request`;
  }
  for (const datum of input.MetricData) {
    const values = datum.Values ?? [];
    if (values.length > cloudWatchLimits.valuesPerDatum)
      return `${values.length} values: at most 150 per datum`;
    if (datum.Counts !== undefined && datum.Counts.length !== values.length)
      return 'Counts and Values differ in length';
  }
  return undefined;
}

function error(status: number, type: string, message: string, queryError?: string): AwsReply {
  return {
    status,
    headers: {
      'content-type': contentType,
      ...(queryError === undefined ? {} : { 'x-amzn-query-error': queryError }),
    },
    body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${type}`, message }),
  };
}
