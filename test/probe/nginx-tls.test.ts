import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeCheck } from '../../functions/probe';
import {
  type RealServerCertificates,
  realServerCertificates,
  TEST_INTERMEDIATE_COMMON_NAME,
} from '../support/certificates';
import { startNginx, type TestNginx } from '../support/nginx';
import { expectFailure, expectOk } from '../support/probe-expectations';
import { httpCheck, testContext } from '../support/resolved-checks';

let certificates: RealServerCertificates;
let nginx: TestNginx;

beforeAll(async () => {
  certificates = await realServerCertificates();
  const { ca, intermediate, viaIntermediate } = certificates;
  const leaf = (pem: string) => `ssl_certificate {{${pem}}}; ssl_certificate_key {{leaf.key}};`;
  nginx = await startNginx({
    files: {
      'full-chain.crt': viaIntermediate.certPem + intermediate.certPem,
      'leaf-only.crt': viaIntermediate.certPem,
      'leaf.key': viaIntermediate.keyPem,
      'ca.crt': ca.certPem,
    },
    sites: {
      tls12: {
        listen: 'ssl',
        directives: `${leaf('full-chain.crt')} ssl_protocols TLSv1.2; return 200 "tls 1.2\\n";`,
      },
      tls13: {
        listen: 'ssl',
        directives: `${leaf('full-chain.crt')} ssl_protocols TLSv1.3; return 200 "tls 1.3\\n";`,
      },
      fullChain: { listen: 'ssl', directives: `${leaf('full-chain.crt')} return 200 "full chain\\n";` },
      incompleteChain: { listen: 'ssl', directives: `${leaf('leaf-only.crt')} return 200 "leaf only\\n";` },
      clientCertificate: {
        listen: 'ssl',
        directives: `${leaf('full-chain.crt')} ssl_client_certificate {{ca.crt}}; ssl_verify_client on; return 200 "hello $ssl_client_s_dn\\n";`,
      },
    },
  });
}, 30_000);

afterAll(async () => {
  await nginx?.close();
});

describe('probeCheck (https) against nginx: TLS versions', () => {
  it('passes a TLS 1.2-only listener, recording TLSv1.2, and fails it when the check requires TLS 1.3', async () => {
    const ca = certificates.ca.certPem;

    const passed = await probeCheck(httpCheck({ url: nginx.url('tls12'), tls: { ca } }), testContext());
    const refused = await probeCheck(
      httpCheck({ url: nginx.url('tls12'), tls: { ca, minVersion: 'TLSv1.3' } }),
      testContext(),
    );

    expectOk(passed);
    expect(passed.tls?.protocol).toBe('TLSv1.2');
    expectFailure(refused, 'TLS_HANDSHAKE_FAILED', /TLS versions the probe offered \(protocol_version\)/);
    expect(refused.error?.phase).toBe('tls');
  });

  it('passes a TLS 1.3-only listener, recording TLSv1.3', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('tls13'), tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectOk(result);
    expect(result.tls?.protocol).toBe('TLSv1.3');
  });
});

describe('probeCheck (https) against nginx: certificate chains', () => {
  it('passes a full chain (leaf and intermediate) that reaches the trusted root', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('fullChain'), tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectOk(result);
    expect(result.tls?.issuer).toContain(TEST_INTERMEDIATE_COMMON_NAME);
  });

  it('fails an incomplete chain (the intermediate left out) with TLS_CERT_UNTRUSTED, saying so', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('incompleteChain'), tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(
      result,
      'TLS_CERT_UNTRUSTED',
      /left out an intermediate certificate.*UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
    );
    expect(result.error?.phase).toBe('tls');
    expect(result.tls?.authorizationError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});

describe('probeCheck (https) against nginx: a client certificate required', () => {
  it('fails with the 400 nginx answers without a client certificate, in the ttfb phase', async () => {
    const result = await probeCheck(
      httpCheck({ url: nginx.url('clientCertificate'), tls: { ca: certificates.ca.certPem } }),
      testContext(),
    );

    expectFailure(result, 'ASSERTION_FAILED', /400/);
    expect(result.status).toBe(400);
    expect(result.error?.phase).toBe('ttfb');
  });

  it('passes with the client certificate, its key read from a secret', async () => {
    const { client, ca } = certificates;
    const result = await probeCheck(
      httpCheck({
        url: nginx.url('clientCertificate'),
        tls: {
          ca: ca.certPem,
          clientCertificate: { cert: client.certPem, key: { kind: 'secret', ref: '/lookout/client-key' } },
        },
        assertions: [
          { source: 'status', comparison: 'equals', target: 200 },
          { source: 'body', comparison: 'contains', target: 'CN=lookout-probe' },
        ],
      }),
      testContext({ secrets: { '/lookout/client-key': client.keyPem } }),
    );

    expectOk(result);
  });
});
