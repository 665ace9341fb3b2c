import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { TEST_CA_COMMON_NAME, type TestCertificates, testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { testContext, tlsCheck } from '../support/resolved-checks';
import { closedPort, startHttpServer } from '../support/servers';

const started = closeAfterEach();
const DAY_MS = 24 * 60 * 60 * 1000;

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await testCertificates();
});

describe('probeCheck (tls)', () => {
  it('passes a valid certificate and records its facts and the handshake time', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));
    const nowMs = Date.now();

    const result = await probeCheck(
      tlsCheck({ id: 'www-cert', port: server.port, minDaysValid: 30, tls: { ca: certificates.ca.certPem } }),
      testContext({ now: () => nowMs }),
    );

    expectOk(result);
    expect(result).toMatchObject({ checkId: 'www-cert', kind: 'tls', target: `127.0.0.1:${server.port}` });
    const validTo = new X509Certificate(certificates.valid.certPem).validTo;
    expect(new Date(result.tls?.validTo ?? 0).getTime()).toBe(new Date(validTo).getTime());
    expect(result.tls?.daysUntilExpiry).toBeCloseTo((new Date(validTo).getTime() - nowMs) / DAY_MS, 1);
    expect(result.tls).toMatchObject({ trusted: true, hostnameVerified: true });
    expect(result.tls?.issuer).toContain(TEST_CA_COMMON_NAME);
    expect(result.phases.tlsMs).toBeGreaterThan(0);
    await server.connections.waitUntilIdle(2_000);
  });

  it('fails with ASSERTION_FAILED when the certificate expires sooner than minDaysValid', async () => {
    const server = await started(startHttpServer({ tls: certificates.valid }));

    const result = await probeCheck(
      tlsCheck({ port: server.port, minDaysValid: 400, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /day/i);
    expect(result.tls).toMatchObject({ trusted: true, hostnameVerified: true });
    expect(result.tls?.daysUntilExpiry).toBeLessThan(400);
  });

  it('fails with TLS_CERT_EXPIRED on an expired certificate, recording its facts', async () => {
    const server = await started(startHttpServer({ tls: certificates.expired }));

    const result = await probeCheck(
      tlsCheck({ port: server.port, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_CERT_EXPIRED', /expired/i);
    expect(result.tls?.daysUntilExpiry).toBeLessThan(0);
  });

  it('fails with TLS_CERT_NOT_YET_VALID on a certificate that starts in the future', async () => {
    const server = await started(startHttpServer({ tls: certificates.notYetValid }));

    const result = await probeCheck(
      tlsCheck({ port: server.port, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_CERT_NOT_YET_VALID', /not (yet )?valid|future/i);
  });

  it('fails with TLS_CERT_UNTRUSTED on a self-signed certificate, and passes it with tls.insecure', async () => {
    const server = await started(startHttpServer({ tls: certificates.selfSigned }));

    const strict = await probeCheck(tlsCheck({ port: server.port }), testContext());
    const insecure = await probeCheck(
      tlsCheck({ port: server.port, tls: { insecure: true } }),
      testContext(),
    );

    expectFailure(strict, 'TLS_CERT_UNTRUSTED', /self[- ]signed|trust|verify/i);
    expect(strict.tls?.trusted).toBe(false);
    expectOk(insecure);
    expect(insecure.tls?.trusted).toBe(false);
  });

  it('fails with TLS_HOSTNAME_MISMATCH on a trusted certificate for another name', async () => {
    const server = await started(startHttpServer({ tls: certificates.wrongHost }));

    const result = await probeCheck(
      tlsCheck({ port: server.port, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_HOSTNAME_MISMATCH', /127\.0\.0\.1|host ?name|match/i);
    expect(result.tls).toMatchObject({ trusted: true, hostnameVerified: false });
  });

  it('fails with TLS_HANDSHAKE_FAILED against a port that does not speak TLS', async () => {
    const server = await started(startHttpServer());

    const result = await probeCheck(tlsCheck({ port: server.port }), testContext());

    expectFailure(result, 'TLS_HANDSHAKE_FAILED', /tls|ssl|handshake/i);
  });

  it('fails with CONNECT_REFUSED on a closed port', async () => {
    const port = await closedPort();

    const result = await probeCheck(tlsCheck({ port }), testContext());

    expectFailure(result, 'CONNECT_REFUSED', /refused/i);
  });
});
