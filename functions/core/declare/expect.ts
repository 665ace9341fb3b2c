import { expectBody } from './expect-body';
import { expectCertificate } from './expect-certificate';
import { expectHeader } from './expect-header';
import { expectJsonBody } from './expect-json-body';
import { expectLatency } from './expect-latency';
import { expectStatus } from './expect-status';

/**
 * Assertion builders. Each chain ends in plain data (an `Assertion`) for a check's `assert` list.
 * @example
 * assert: [
 *   expect.status().equals(200),
 *   expect.header('content-type').contains('json'),
 *   expect.jsonBody('$.status').equals('ok'),
 *   expect.latency('ttfb').lessThan('800ms'),
 *   expect.certificate().daysUntilExpiry().greaterThan(14),
 * ]
 */
export const expect = {
  /** Assertions on the final HTTP status code (HTTP checks only). */
  status: expectStatus,
  /** Assertions on one response header, by case-insensitive name (HTTP checks only). */
  header: expectHeader,
  /** Assertions on the response body (HTTP) or reply (TCP). */
  body: expectBody,
  /** Assertions on a value a JSONPath selects in a JSON response body (HTTP checks only). */
  jsonBody: expectJsonBody,
  /** Assertions on total latency or one phase (`'dns'`, `'connect'`, `'tls'`, `'ttfb'`, `'transfer'`). */
  latency: expectLatency,
  /** Assertions on the server's certificate (HTTPS URLs and TLS checks only). */
  certificate: expectCertificate,
} as const;
