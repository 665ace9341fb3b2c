import { describe, expect, it } from 'vitest';
import {
  type Assertion,
  defineMonitor,
  http,
  expect as lookoutExpect,
  secret,
  tcp,
  tls,
} from '../../../functions/core';

function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('check builders', () => {
  it('http() adds the kind and keeps every prop as plain data', () => {
    const check = http({
      id: 'api',
      url: 'https://api.example.com/health',
      method: 'POST',
      body: '{}',
      headers: { authorization: secret('/lookout/token') },
      assert: [lookoutExpect.status().equals(200)],
    });
    expect(check).toEqual({
      kind: 'http',
      id: 'api',
      url: 'https://api.example.com/health',
      method: 'POST',
      body: '{}',
      headers: { authorization: { kind: 'secret', ref: '/lookout/token' } },
      assert: [{ source: 'status', comparison: 'equals', target: 200 }],
    });
    expect(roundTrip(check)).toEqual(check);
  });

  it('tcp() turns a RegExp expect into a RegexSource and keeps a string as is', () => {
    const withRegex = tcp({ id: 'smtp', host: 'mail.example.com', port: 25, expect: /^220 .*ESMTP/im });
    expect(withRegex).toEqual({
      kind: 'tcp',
      id: 'smtp',
      host: 'mail.example.com',
      port: 25,
      expect: { pattern: '^220 .*ESMTP', flags: 'im' },
    });
    expect(roundTrip(withRegex)).toEqual(withRegex);
    expect(tcp({ id: 'redis', host: 'h', port: 6379, expect: 'PONG' }).expect).toBe('PONG');
    expect(tcp({ id: 'plain', host: 'h', port: 1 })).not.toHaveProperty('expect');
  });

  it('tls() adds the kind and keeps TLS options', () => {
    const check = tls({ id: 'cert', host: 'example.com', minDaysValid: 21, minVersion: 'TLSv1.3' });
    expect(check).toEqual({
      kind: 'tls',
      id: 'cert',
      host: 'example.com',
      minDaysValid: 21,
      minVersion: 'TLSv1.3',
    });
  });

  it('secret() builds a reference, never a value', () => {
    expect(secret('/lookout/orders-token')).toEqual({ kind: 'secret', ref: '/lookout/orders-token' });
    expect(secret('secretsmanager:prod/key')).toEqual({ kind: 'secret', ref: 'secretsmanager:prod/key' });
  });

  it('defineMonitor() returns the declaration itself', () => {
    const declaration = { homeRegion: 'us-east-1', checks: [tls({ id: 'cert', host: 'example.com' })] };
    expect(defineMonitor(declaration)).toBe(declaration);
  });
});

describe('expect builders produce plain assertions', () => {
  const cases: Array<[string, Assertion, Assertion]> = [
    [
      'status equals',
      lookoutExpect.status().equals(200),
      { source: 'status', comparison: 'equals', target: 200 },
    ],
    [
      'status notEquals',
      lookoutExpect.status().notEquals(500),
      { source: 'status', comparison: 'notEquals', target: 500 },
    ],
    [
      'status lessThan',
      lookoutExpect.status().lessThan(400),
      { source: 'status', comparison: 'lessThan', target: 400 },
    ],
    [
      'status lessThanOrEqual',
      lookoutExpect.status().lessThanOrEqual(399),
      { source: 'status', comparison: 'lessThanOrEqual', target: 399 },
    ],
    [
      'status greaterThan',
      lookoutExpect.status().greaterThan(199),
      { source: 'status', comparison: 'greaterThan', target: 199 },
    ],
    [
      'status greaterThanOrEqual',
      lookoutExpect.status().greaterThanOrEqual(200),
      { source: 'status', comparison: 'greaterThanOrEqual', target: 200 },
    ],
    [
      'status oneOf',
      lookoutExpect.status().oneOf([200, 204]),
      { source: 'status', comparison: 'oneOf', target: [200, 204] },
    ],
    [
      'header equals',
      lookoutExpect.header('Cache-Control').equals('no-store'),
      { source: 'header', property: 'Cache-Control', comparison: 'equals', target: 'no-store' },
    ],
    [
      'header contains',
      lookoutExpect.header('content-type').contains('json'),
      { source: 'header', property: 'content-type', comparison: 'contains', target: 'json' },
    ],
    [
      'header notContains',
      lookoutExpect.header('server').notContains('Apache'),
      { source: 'header', property: 'server', comparison: 'notContains', target: 'Apache' },
    ],
    [
      'header matches',
      lookoutExpect.header('etag').matches(/^"[a-f0-9]+"$/),
      {
        source: 'header',
        property: 'etag',
        comparison: 'matches',
        target: { pattern: '^"[a-f0-9]+"$', flags: '' },
      },
    ],
    [
      'header exists',
      lookoutExpect.header('strict-transport-security').exists(),
      { source: 'header', property: 'strict-transport-security', comparison: 'exists' },
    ],
    [
      'header notExists',
      lookoutExpect.header('x-powered-by').notExists(),
      { source: 'header', property: 'x-powered-by', comparison: 'notExists' },
    ],
    [
      'body contains',
      lookoutExpect.body().contains('ok'),
      { source: 'body', comparison: 'contains', target: 'ok' },
    ],
    [
      'body notContains',
      lookoutExpect.body().notContains('error'),
      { source: 'body', comparison: 'notContains', target: 'error' },
    ],
    [
      'body matches',
      lookoutExpect.body().matches(/welcome/iu),
      { source: 'body', comparison: 'matches', target: { pattern: 'welcome', flags: 'iu' } },
    ],
    [
      'body equals',
      lookoutExpect.body().equals('pong'),
      { source: 'body', comparison: 'equals', target: 'pong' },
    ],
    [
      'jsonBody equals',
      lookoutExpect.jsonBody('$.status').equals('ok'),
      { source: 'jsonBody', property: '$.status', comparison: 'equals', target: 'ok' },
    ],
    [
      'jsonBody equals null',
      lookoutExpect.jsonBody('$.error').equals(null),
      { source: 'jsonBody', property: '$.error', comparison: 'equals', target: null },
    ],
    [
      'jsonBody notEquals',
      lookoutExpect.jsonBody('$.status').notEquals('down'),
      { source: 'jsonBody', property: '$.status', comparison: 'notEquals', target: 'down' },
    ],
    [
      'jsonBody contains',
      lookoutExpect.jsonBody('$.regions').contains('eu'),
      { source: 'jsonBody', property: '$.regions', comparison: 'contains', target: 'eu' },
    ],
    [
      'jsonBody exists',
      lookoutExpect.jsonBody('$.id').exists(),
      { source: 'jsonBody', property: '$.id', comparison: 'exists' },
    ],
    [
      'jsonBody notExists',
      lookoutExpect.jsonBody('$.error').notExists(),
      { source: 'jsonBody', property: '$.error', comparison: 'notExists' },
    ],
    [
      'jsonBody lessThan',
      lookoutExpect.jsonBody('$.queue').lessThan(100),
      { source: 'jsonBody', property: '$.queue', comparison: 'lessThan', target: 100 },
    ],
    [
      'jsonBody greaterThan',
      lookoutExpect.jsonBody('$.workers').greaterThan(0),
      { source: 'jsonBody', property: '$.workers', comparison: 'greaterThan', target: 0 },
    ],
    [
      'jsonBody matches',
      lookoutExpect.jsonBody('$.version').matches(/^2\./),
      {
        source: 'jsonBody',
        property: '$.version',
        comparison: 'matches',
        target: { pattern: '^2\\.', flags: '' },
      },
    ],
    [
      'latency total',
      lookoutExpect.latency().lessThan('800ms'),
      { source: 'latency', comparison: 'lessThan', target: '800ms' },
    ],
    [
      'latency phase in ms',
      lookoutExpect.latency('tls').lessThanOrEqual(200),
      { source: 'latency', property: 'tls', comparison: 'lessThanOrEqual', target: 200 },
    ],
    [
      'certificate greaterThan',
      lookoutExpect.certificate().daysUntilExpiry().greaterThan(14),
      { source: 'certificate', property: 'daysUntilExpiry', comparison: 'greaterThan', target: 14 },
    ],
    [
      'certificate greaterThanOrEqual',
      lookoutExpect.certificate().daysUntilExpiry().greaterThanOrEqual(7),
      { source: 'certificate', property: 'daysUntilExpiry', comparison: 'greaterThanOrEqual', target: 7 },
    ],
    [
      'certificate lessThan',
      lookoutExpect.certificate().daysUntilExpiry().lessThan(365),
      { source: 'certificate', property: 'daysUntilExpiry', comparison: 'lessThan', target: 365 },
    ],
  ];

  it.each(cases)('%s', (_name, built, expected) => {
    expect(built).toEqual(expected);
    expect(roundTrip(built)).toEqual(expected);
  });

  it('copies list targets, so that changing the argument later changes nothing', () => {
    const statuses = [200, 204];
    const assertion = lookoutExpect.status().oneOf(statuses);
    statuses.push(500);
    expect(assertion.target).toEqual([200, 204]);
  });
});
