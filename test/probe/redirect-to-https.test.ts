import { beforeAll, describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import { type TestCertificates, testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';
import { startHttpServer } from '../support/servers';

const started = closeAfterEach();

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await testCertificates();
});

describe('probeCheck (http): a redirect from http: to https:', () => {
  it('uses the check’s tls options on the https: hop, so a private CA is trusted there', async () => {
    const secure = await started(startHttpServer({ tls: certificates.valid }));
    const plain = await started(
      startHttpServer({ respond: { kind: 'redirect', location: `${secure.url}/home`, status: 301 } }),
    );

    const result = await probeCheck(
      httpCheck({ url: `${plain.url}/`, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectOk(result);
    expect(result.redirects?.[0]).toMatchObject({ status: 301, location: `${secure.url}/home` });
    expect(result.tls?.trusted).toBe(true);
    expect(secure.requests[0]?.path).toBe('/home');
  });

  it('fails the https: hop with TLS_CERT_UNTRUSTED without the CA, in the tls phase', async () => {
    const secure = await started(startHttpServer({ tls: certificates.valid }));
    const plain = await started(
      startHttpServer({ respond: { kind: 'redirect', location: `${secure.url}/home` } }),
    );

    const result = await probeCheck(httpCheck({ url: `${plain.url}/` }), testContext());

    expectFailure(result, 'TLS_CERT_UNTRUSTED', /not trusted/);
    expect(result.error?.phase).toBe('tls');
    expect(result.status).toBeUndefined();
  });
});
