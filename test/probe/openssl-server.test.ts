import { beforeAll, describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import {
  type RealServerCertificates,
  realServerCertificates,
  type TestCertificates,
  testCertificates,
} from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { startOpensslServer } from '../support/openssl-server';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext, tlsCheck } from '../support/resolved-checks';

const started = closeAfterEach();

let certificates: TestCertificates;
let more: RealServerCertificates;
beforeAll(async () => {
  [certificates, more] = await Promise.all([testCertificates(), realServerCertificates()]);
});

const clientKeyRef = '/lookout/client-key';

describe('probeCheck against openssl s_server: certificate dates', () => {
  it('fails an expired certificate with TLS_CERT_EXPIRED in the tls phase', async () => {
    const server = await started(startOpensslServer({ certificate: certificates.expired }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_CERT_EXPIRED', /expired on/);
    expect(result.error?.phase).toBe('tls');
    expect(result.tls?.daysUntilExpiry).toBeLessThan(0);
  });

  it('fails a certificate that is not valid yet with TLS_CERT_NOT_YET_VALID in the tls phase', async () => {
    const server = await started(startOpensslServer({ certificate: certificates.notYetValid }));

    const result = await probeCheck(
      tlsCheck({ port: server.port, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_CERT_NOT_YET_VALID', /not valid before/);
    expect(result.error?.phase).toBe('tls');
  });
});

describe('probeCheck against openssl s_server: what Node refuses', () => {
  it('says a 1024-bit RSA key is below the minimum, not UNSPECIFIED', async () => {
    const server = await started(startOpensslServer({ certificate: more.weakRsaKey }));

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: more.ca.certPem } }),
      testContext(),
    );

    expectFailure(
      result,
      'TLS_CERT_UNTRUSTED',
      /RSA key of 1024 bits is below the minimum of 2048 \(EE_KEY_TOO_SMALL/,
    );
    expect(result.error?.phase).toBe('tls');
    expect(result.tls?.authorizationError).toBe('EE_KEY_TOO_SMALL');
  });

  it('says a certificate signed with SHA-1 is signed with a digest no longer accepted', async () => {
    const server = await started(startOpensslServer({ certificate: more.sha1Signature }));

    const result = await probeCheck(
      tlsCheck({ port: server.port, tls: { ca: more.ca.certPem } }),
      testContext(),
    );

    expectFailure(
      result,
      'TLS_CERT_UNTRUSTED',
      /signed with ecdsa-with-SHA1, a digest no longer accepted \(CA_MD_TOO_WEAK/,
    );
    expect(result.error?.phase).toBe('tls');
  });

  it('fails with TLS_HANDSHAKE_FAILED, naming the alert, when the only cipher suite is one Node refuses', async () => {
    const server = await started(
      startOpensslServer({
        certificate: certificates.valid,
        args: ['-tls1_2', '-cipher', 'ECDHE-ECDSA-CAMELLIA128-SHA256'],
      }),
    );

    const result = await probeCheck(
      httpCheck({ url: server.url, tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'TLS_HANDSHAKE_FAILED', /no cipher suite.*\(handshake_failure\)/);
    expect(result.error?.phase).toBe('tls');
  });
});

describe('probeCheck against openssl s_server: TLS 1.3 with a client certificate required', () => {
  /** `openssl s_server` with TLS 1.3 only, requiring a client certificate issued by the test CA. */
  const startRequiringClientCertificate = () =>
    started(
      startOpensslServer({
        certificate: certificates.valid,
        args: ['-tls1_3', '-Verify', '1', '-CAfile', '{{ca}}'],
        ca: more.ca.certPem,
      }),
    );

  /** An HTTPS check of `url` that presents the test client certificate, its key in secret `clientKeyRef`. */
  const withClientCertificate = (url: string) =>
    httpCheck({
      url,
      tls: {
        ca: certificates.ca.certPem,
        clientCertificate: { cert: more.client.certPem, key: { kind: 'secret', ref: clientKeyRef } },
      },
      assertions: [{ source: 'status', comparison: 'equals', target: 200 }],
    });

  // Under TLS 1.3 the client's handshake ends before the server has read its (missing) certificate: the alert
  // comes after, on the first read of an HTTPS check, and while a handshake-only TLS check awaits the verdict.
  it.each([
    [
      'an HTTPS check, on the first read, not PROTOCOL_ERROR',
      (port: number) =>
        httpCheck({ url: `https://127.0.0.1:${port}/`, tls: { ca: certificates.ca.certPem } }),
    ],
    [
      'a handshake-only tls check',
      (port: number) => tlsCheck({ port, tls: { ca: certificates.ca.certPem } }),
    ],
  ])('fails %s with TLS_HANDSHAKE_FAILED "certificate_required" from the alert', async (_, checkOf) => {
    const server = await startRequiringClientCertificate();

    const result = await probeCheck(checkOf(server.port), testContext());

    expectFailure(
      result,
      'TLS_HANDSHAKE_FAILED',
      /the server requires a client certificate \(certificate_required\)/,
    );
    expect(result.error?.phase).toBe('tls');
    expect(result.tls?.protocol).toBe('TLSv1.3');
  });

  it('passes with a client certificate the server trusts', async () => {
    const server = await startRequiringClientCertificate();

    const result = await probeCheck(
      withClientCertificate(server.url),
      testContext({ secrets: { [clientKeyRef]: more.client.keyPem } }),
    );

    expectOk(result);
    expect(result.httpVersion).toBe('1.0');
  });

  it('passes a handshake-only tls check that presents a client certificate the server trusts', async () => {
    const server = await startRequiringClientCertificate();

    const result = await probeCheck(
      tlsCheck({
        port: server.port,
        tls: {
          ca: certificates.ca.certPem,
          clientCertificate: { cert: more.client.certPem, key: { kind: 'secret', ref: clientKeyRef } },
        },
      }),
      testContext({ secrets: { [clientKeyRef]: more.client.keyPem } }),
    );

    expectOk(result);
    expect(result.tls?.protocol).toBe('TLSv1.3');
  });

  it('fails with INTERNAL in the setup phase, sending nothing, when the client key cannot be read', async () => {
    const server = await startRequiringClientCertificate();

    const result = await probeCheck(withClientCertificate(server.url), testContext());

    expectFailure(
      result,
      'INTERNAL',
      /could not read secret \/lookout\/client-key for the client certificate/,
    );
    expect(result.error?.phase).toBe('setup');
    expect(result.phases.connectMs).toBe(0);
  });
});
