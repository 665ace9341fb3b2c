import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TlsFacts } from '../../functions/core/probe-result';
import { probeCheck } from '../../functions/probe';
import { TEST_CA_COMMON_NAME, type TestCertificates, testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, IMPLICIT_STATUS_ASSERTION, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();
const DAY_MS = 24 * 60 * 60 * 1000;

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await testCertificates();
});

function hex(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}

function expectFactsOf(facts: TlsFacts | undefined, certPem: string, nowMs: number): void {
  const certificate = new X509Certificate(certPem);
  expect(facts, 'TLS facts were not recorded').toBeDefined();
  if (!facts) return;
  expect(new Date(facts.validTo).getTime()).toBe(new Date(certificate.validTo).getTime());
  expect(new Date(facts.validFrom).getTime()).toBe(new Date(certificate.validFrom).getTime());
  const expectedDays = (new Date(certificate.validTo).getTime() - nowMs) / DAY_MS;
  // Within 0.05 of a day: the engine may round to hundredths.
  expect(facts.daysUntilExpiry).toBeCloseTo(expectedDays, 1);
  expect(hex(facts.fingerprint256)).toBe(hex(certificate.fingerprint256));
}

describe('probeCheck (https): a certificate from a trusted CA', () => {
  it('passes and records the certificate facts', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));
    const nowMs = Date.now();

    const result = await probeCheck(
      httpCheck({ url: `${server.url}/`, tls: { ca: certificates.ca.certPem } }),
      testContext({ now: () => nowMs }),
    );

    expectOk(result);
    expect(result.status).toBe(200);
    expectFactsOf(result.tls, certificates.valid.certPem, nowMs);
    expect(result.tls).toMatchObject({ trusted: true, hostnameVerified: true });
    expect(result.tls?.subject).toContain('localhost');
    expect(result.tls?.issuer).toContain(TEST_CA_COMMON_NAME);
    expect(result.tls?.subjectAltNames.some((name) => name.includes('localhost'))).toBe(true);
    expect(result.tls?.subjectAltNames.some((name) => name.includes('127.0.0.1'))).toBe(true);
    expect(result.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(result.tls?.cipher).not.toBe('');
    expect(result.tls?.daysUntilExpiry).toBeGreaterThan(360);
  });

  it('offers the classic key exchange groups by default, and the post-quantum hybrid when asked', async () => {
    // The test server (Node 24, OpenSSL 3.5) accepts X25519MLKEM768 whenever a client offers it.
    const server = await started(startHttpServer({ tls: certificates.valid }));
    const ca = certificates.ca.certPem;

    const classic = await probeCheck(httpCheck({ url: `${server.url}/`, tls: { ca } }), testContext());
    const hybrid = await probeCheck(
      httpCheck({ url: `${server.url}/`, tls: { ca, keyExchangeGroups: ['X25519MLKEM768', 'X25519'] } }),
      testContext(),
    );

    expectOk(classic);
    expectOk(hybrid);
    expect(classic.tls?.keyExchange).toBe('X25519');
    expect(hybrid.tls?.keyExchange).toBe('X25519MLKEM768');
  });

  it('measures the TLS handshake in tlsMs and no DNS for an IP literal', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectOk(result);
    expect(result.phases.tlsMs).toBeGreaterThan(0);
    expect(result.phases.dnsMs).toBe(0);
  });

  it('checks the certificate against tls.servername when given', async () => {
    const server = await started(startHttpServer({ tls: certificates.wrongHost }));
    const ca = certificates.ca.certPem;

    const matching = await probeCheck(
      httpCheck({ url: server.url, tls: { ca, servername: 'wrong.example' } }),
      testContext(),
    );

    expectOk(matching);
    expect(matching.tls?.hostnameVerified).toBe(true);
  });

  it('uses a fresh connection and a full handshake for every probe (no session reuse)', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));
    const check = httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } });

    for (let probe = 0; probe < 3; probe += 1) expectOk(await probeCheck(check, testContext()));

    expect(server.connections.total).toBe(3);
    expect(server.tlsSessionsReused()).toBe(0);
  });

  it('feeds the days until expiry to certificate assertions', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));

    const result = await probeCheck(
      httpCheck({
        url: server.url,
        tls: { ca: certificates.ca.certPem },
        assertions: [
          IMPLICIT_STATUS_ASSERTION,
          { source: 'certificate', property: 'daysUntilExpiry', comparison: 'greaterThan', target: 400 },
        ],
      }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /400/);
    expect(result.assertions[1]?.passed).toBe(false);
  });
});

describe('probeCheck (https): bad certificates', () => {
  it('fails with TLS_CERT_UNTRUSTED when the CA is not trusted, and still records the facts', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));
    const nowMs = Date.now();

    const result = await probeCheck(httpCheck({ url: server.url }), testContext({ now: () => nowMs }));

    expectFailure(result, 'TLS_CERT_UNTRUSTED', /trust|issuer|verify|certificate/i);
    expectFactsOf(result.tls, certificates.valid.certPem, nowMs);
    expect(result.tls?.trusted).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('fails with TLS_CERT_UNTRUSTED on a self-signed certificate', async () => {
    const server = await started(startHttpServer({ tls: certificates.selfSigned }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_CERT_UNTRUSTED', /self[- ]signed|trust|verify/i);
    expect(result.tls?.trusted).toBe(false);
  });

  it('passes a self-signed certificate with tls.insecure, recording it as untrusted', async () => {
    const server = await started(startHttpServer({ tls: certificates.selfSigned }));
    const nowMs = Date.now();

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { insecure: true } }),
      testContext({ now: () => nowMs }),
    );

    expectOk(result);
    expect(result.status).toBe(200);
    expectFactsOf(result.tls, certificates.selfSigned.certPem, nowMs);
    expect(result.tls).toMatchObject({ trusted: false, hostnameVerified: true });
  });

  it('fails with TLS_CERT_EXPIRED on an expired certificate, recording negative days', async () => {
    const server = await started(startHttpServer({ tls: certificates.expired }));
    const nowMs = Date.now();

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext({ now: () => nowMs }),
    );

    expectFailure(result, 'TLS_CERT_EXPIRED', /expired/i);
    expect(result.error?.phase).toBe('tls');
    expectFactsOf(result.tls, certificates.expired.certPem, nowMs);
    expect(result.tls?.daysUntilExpiry).toBeLessThan(0);
    expect(result.tls?.trusted).toBe(false);
  });

  it('passes an expired certificate with tls.insecure, still recording that it expired', async () => {
    const server = await started(startHttpServer({ tls: certificates.expired }));

    const result = await probeCheck(httpCheck({ url: server.url, tls: { insecure: true } }), testContext());

    expectOk(result);
    expect(result.tls?.daysUntilExpiry).toBeLessThan(0);
    expect(result.tls?.trusted).toBe(false);
  });

  it('fails with TLS_CERT_NOT_YET_VALID on a certificate that starts in the future', async () => {
    const server = await started(startHttpServer({ tls: certificates.notYetValid }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_CERT_NOT_YET_VALID', /not (yet )?valid|future/i);
    expect(new Date(result.tls?.validFrom ?? 0).getTime()).toBeGreaterThan(Date.now());
  });

  it('fails with TLS_HOSTNAME_MISMATCH on a trusted certificate for another name', async () => {
    const server = await started(startHttpServer({ tls: certificates.wrongHost }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_HOSTNAME_MISMATCH', /127\.0\.0\.1|host ?name|match/i);
    expect(result.tls).toMatchObject({ trusted: true, hostnameVerified: false });
    expect(result.tls?.subjectAltNames.some((name) => name.includes('wrong.example'))).toBe(true);
  });

  it('passes a mismatched certificate with tls.insecure, recording the mismatch', async () => {
    const server = await started(startHttpServer({ tls: certificates.wrongHost }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem, insecure: true } }),
      testContext(),
    );

    expectOk(result);
    expect(result.tls).toMatchObject({ trusted: true, hostnameVerified: false });
  });
});

describe('probeCheck (https): protocol confusion and versions', () => {
  it('fails with PROTOCOL_ERROR for an http:// URL to a TLS port', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));

    const result = await probeCheck(httpCheck({ url: `http://127.0.0.1:${server.port}/` }), testContext());

    expectFailure(result, 'PROTOCOL_ERROR', /response|protocol|closed/i);
    expect(result.tls).toBeUndefined();
  });

  it('fails with TLS_HANDSHAKE_FAILED for an https:// URL to a plain HTTP port', async () => {
    const server = await started(startHttpServer());

    const result = await probeCheck(httpCheck({ url: `https://127.0.0.1:${server.port}/` }), testContext());

    expectFailure(result, 'TLS_HANDSHAKE_FAILED', /tls|ssl|handshake/i);
  });

  it('fails with TLS_HANDSHAKE_FAILED when the server offers less than tls.minVersion', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid, tlsMaxVersion: 'TLSv1.2' }));
    const ca = certificates.ca.certPem;

    const tls12 = await probeCheck(
      httpCheck({ url: server.url, tls: { ca, minVersion: 'TLSv1.2' } }),
      testContext(),
    );
    const tls13 = await probeCheck(
      httpCheck({ url: server.url, tls: { ca, minVersion: 'TLSv1.3' } }),
      testContext(),
    );

    expectOk(tls12);
    expect(tls12.tls?.protocol).toBe('TLSv1.2');
    expectFailure(tls13, 'TLS_HANDSHAKE_FAILED', /tls|ssl|handshake|version|protocol/i);
  });
});
