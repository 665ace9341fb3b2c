/** How to reach an AWS service. */
export interface AwsClientOptions {
  /** The service's region. */
  region: string;
  /**
   * An endpoint other than AWS's, such as a loopback test server (`http://127.0.0.1:8000`).
   * @default AWS's endpoint of the region
   */
  endpoint?: string;
  /**
   * Credentials.
   * @default the SDK's default provider chain
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Calls per request made by the SDK itself. The adapters retry with their own backoff, so the SDK's retries
   * would only multiply theirs.
   * @default 1
   */
  maxAttempts?: number;
  /**
   * How long a request may take before it fails (and the adapter retries it).
   * @default 10000
   */
  requestTimeoutMs?: number;
  /**
   * How long connecting may take.
   * @default 3000
   */
  connectionTimeoutMs?: number;
}

/** The SDK client configuration of `AwsClientOptions`. */
export function awsClientConfig(options: AwsClientOptions) {
  return {
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    maxAttempts: options.maxAttempts ?? 1,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
    },
  };
}
