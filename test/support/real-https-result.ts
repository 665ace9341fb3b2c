import type { Assertion } from '../../functions/core/declare/assertion';
import type { ProbeResult, TlsFacts } from '../../functions/core/probe-result';
import type { ResolvedHttpCheck } from '../../functions/core/resolve/resolved-monitor';
import { probeCheck } from '../../functions/probe';
import { testCertificates } from './certificates';
import { httpCheck, testContext } from './resolved-checks';
import type { ResponsePlan } from './response-plan';
import { startHttpServer } from './servers';

/** The three assertions of a typical API health check: status, a JSON field, and latency. */
export const threeAssertions: Assertion[] = [
  { source: 'status', comparison: 'equals', target: 200 },
  { source: 'jsonBody', property: '$.status', comparison: 'equals', target: 'ok' },
  { source: 'latency', comparison: 'lessThan', target: 800 },
];

/** What a health endpoint answers by default: 200 with a small JSON body. */
export const healthyJson: ResponsePlan = {
  kind: 'respond',
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"status":"ok","version":"2.14.1"}',
};

/**
 * The TLS facts of a typical certificate from a public CA (longer names than the test CA's), to put in place of
 * a loopback probe's when the size of what is stored should be that of a real target's.
 */
export const publicCertificateNames: Pick<TlsFacts, 'issuer' | 'subject' | 'subjectAltNames'> = {
  issuer: "C=US, O=Let's Encrypt, CN=R11",
  subject: 'CN=api.example.com',
  subjectAltNames: ['api.example.com', 'api-eu.example.com', 'status.example.com', 'www.api.example.com'],
};

/** Options of `realHttpsResult`. */
export interface RealHttpsResultOptions {
  /** @default 'orders-api' */
  checkId?: string;
  /** @default 'ap-southeast-2' (the longest of the usual region names) */
  region?: string;
  /** @default `healthyJson` */
  respond?: ResponsePlan;
  /** @default `threeAssertions` */
  assertions?: Assertion[];
}

/**
 * A result from the real engine: an HTTPS check of a loopback server with a certificate from the test CA (so
 * the result carries TLS facts), judged on three assertions by default. Also returns the resolved check.
 */
export async function realHttpsResult(
  options: RealHttpsResultOptions = {},
): Promise<{ check: ResolvedHttpCheck; result: ProbeResult }> {
  const certificates = await testCertificates();
  const server = await startHttpServer({ tls: certificates.valid, respond: options.respond ?? healthyJson });
  try {
    const check = httpCheck({
      id: options.checkId ?? 'orders-api',
      url: `${server.url}/health`,
      tls: { ca: certificates.ca.certPem },
      assertions: options.assertions ?? threeAssertions,
    });
    const result = await probeCheck(check, { ...testContext(), region: options.region ?? 'ap-southeast-2' });
    return { check, result };
  } finally {
    await server.close();
  }
}
