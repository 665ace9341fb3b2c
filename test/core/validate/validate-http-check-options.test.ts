import { describe, expect, it } from 'vitest';
import { expect as lookoutExpect, validateMonitor } from '../../../functions/core';
import type { ResolvedHttpCheck } from '../../../functions/core/resolve/resolved-monitor';
import { describeInvalidCases, describeValidCases } from '../../support/validation-cases';
import { changed } from '../monitor-fixture';

const clientCertificatePem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describeValidCases('HTTP check options that are valid', [
  {
    name: 'tls options on a plain http: URL, for the https: URL it redirects to',
    input: changed({
      'checks.0.url': 'http://api.example.com/health',
      'checks.0.tls': { ca: clientCertificatePem, minVersion: 'TLSv1.3' },
      'checks.0.assert': [lookoutExpect.status().equals(200)],
    }),
  },
  { name: 'httpVersion 2', input: changed({ 'checks.0.httpVersion': '2' }) },
  { name: 'httpVersion 1.1', input: changed({ 'checks.0.httpVersion': '1.1' }) },
  {
    name: 'a client certificate with its key in a secret',
    input: changed({
      'checks.0.tls': {
        clientCertificate: {
          cert: clientCertificatePem,
          key: { kind: 'secret', ref: '/lookout/client-key' },
        },
      },
    }),
  },
]);

describeInvalidCases('HTTP check options that are not', [
  {
    name: 'an HTTP version that does not exist',
    input: changed({ 'checks.0.httpVersion': '3' }),
    path: 'checks[0].httpVersion',
    checkId: 'api',
    reason: 'httpVersion',
  },
  {
    name: 'a client certificate that is not PEM',
    input: changed({
      'checks.0.tls': {
        clientCertificate: { cert: 'MIIB', key: { kind: 'secret', ref: '/lookout/client-key' } },
      },
    }),
    path: 'checks[0].tls.clientCertificate.cert',
    checkId: 'api',
    reason: 'does not look like a PEM certificate',
  },
  {
    name: 'a client key written as plain text',
    input: changed({
      'checks.0.tls': {
        clientCertificate: { cert: clientCertificatePem, key: '-----BEGIN PRIVATE KEY-----' },
      },
    }),
    path: 'checks[0].tls.clientCertificate.key',
    checkId: 'api',
    reason:
      "tls.clientCertificate.key must be secret('/ssm/path'): a private key is read at run time, never written in a declaration",
  },
  {
    name: 'a client key secret with a malformed reference',
    input: changed({
      'checks.0.tls': {
        clientCertificate: { cert: clientCertificatePem, key: { kind: 'secret', ref: 'lookout key' } },
      },
    }),
    path: 'checks[0].tls.clientCertificate.key.ref',
    checkId: 'api',
    reason: 'must be an SSM parameter name',
  },
]);

describe('a client key written as plain text', () => {
  it('is not quoted back in the problem', () => {
    const validation = validateMonitor(
      changed({
        'checks.0.tls': {
          clientCertificate: { cert: clientCertificatePem, key: '-----BEGIN PRIVATE KEY-----' },
        },
      }),
    );

    expect(JSON.stringify(validation)).not.toContain('BEGIN PRIVATE KEY');
  });
});

describe('HTTP check options resolved', () => {
  it('carries httpVersion and the client certificate (its key still a reference) into the resolved check', () => {
    const validation = validateMonitor(
      changed({
        'checks.0.httpVersion': '2',
        'checks.0.tls': {
          clientCertificate: {
            cert: clientCertificatePem,
            key: { kind: 'secret', ref: '/lookout/client-key' },
          },
        },
      }),
    );

    expect(validation.ok).toBe(true);
    const check = validation.ok ? (validation.monitor.checks[0] as ResolvedHttpCheck) : undefined;
    expect(check?.httpVersion).toBe('2');
    expect(check?.tls.clientCertificate).toEqual({
      cert: clientCertificatePem,
      key: { kind: 'secret', ref: '/lookout/client-key' },
    });
  });

  it('leaves httpVersion out when the check negotiates', () => {
    const validation = validateMonitor(changed({}));

    expect(validation.ok && 'httpVersion' in (validation.monitor.checks[0] ?? {})).toBe(false);
  });
});
