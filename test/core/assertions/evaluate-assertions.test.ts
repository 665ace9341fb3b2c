import { describe, expect, it } from 'vitest';
import {
  type Assertion,
  evaluateAssertions,
  expect as lookoutExpect,
  type Observation,
} from '../../../functions/core';

const observation: Observation = {
  status: 503,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({
    status: 'degraded',
    queue: 12,
    regions: ['eu', 'us'],
    items: [{ id: 1 }, { id: 2 }],
    error: null,
    version: '2.4.1',
  }),
  bodyTruncated: false,
  totalMs: 1234.4,
  phases: { dnsMs: 12, connectMs: 30, tlsMs: 95, ttfbMs: 912, transferMs: 185.25 },
  certificateDaysUntilExpiry: 10.46,
};

const textObservation: Observation = { ...observation, body: 'Service OK' };

type Row = [
  name: string,
  assertion: Assertion,
  passed: boolean,
  actual: string | number | boolean | null,
  message: string,
];

function judge(assertion: Assertion, seen: Observation = observation) {
  const [outcome] = evaluateAssertions([assertion], seen);
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

describe('evaluateAssertions: status', () => {
  const rows: Row[] = [
    ['equals, failing', lookoutExpect.status().equals(200), false, 503, 'status 503, expected 200'],
    ['equals, passing', lookoutExpect.status().equals(503), true, 503, 'status 503, expected 503'],
    ['notEquals', lookoutExpect.status().notEquals(200), true, 503, 'status 503, expected not 200'],
    ['lessThan', lookoutExpect.status().lessThan(400), false, 503, 'status 503, expected less than 400'],
    [
      'lessThanOrEqual',
      lookoutExpect.status().lessThanOrEqual(503),
      true,
      503,
      'status 503, expected at most 503',
    ],
    [
      'greaterThan',
      lookoutExpect.status().greaterThan(499),
      true,
      503,
      'status 503, expected greater than 499',
    ],
    [
      'greaterThanOrEqual',
      lookoutExpect.status().greaterThanOrEqual(504),
      false,
      503,
      'status 503, expected at least 504',
    ],
    [
      'oneOf, failing',
      lookoutExpect.status().oneOf([200, 204]),
      false,
      503,
      'status 503, expected one of 200, 204',
    ],
    [
      'oneOf, passing',
      lookoutExpect.status().oneOf([502, 503]),
      true,
      503,
      'status 503, expected one of 502, 503',
    ],
  ];
  it.each(rows)('%s', (_name, assertion, passed, actual, message) => {
    expect(judge(assertion)).toEqual({ assertion, passed, actual, message });
  });

  it('fails when there was no HTTP response', () => {
    const outcome = judge(lookoutExpect.status().lessThan(400), { ...observation, status: undefined });
    expect(outcome).toMatchObject({
      passed: false,
      actual: null,
      message: 'status missing (no HTTP response), expected less than 400',
    });
  });
});

describe('evaluateAssertions: header', () => {
  const rows: Row[] = [
    [
      'equals, matching the name case-insensitively',
      lookoutExpect.header('Cache-Control').equals('no-store'),
      true,
      'no-store',
      'header cache-control is "no-store", expected "no-store"',
    ],
    [
      'notEquals',
      lookoutExpect.header('cache-control').notEquals('no-store'),
      false,
      'no-store',
      'header cache-control is "no-store", expected not "no-store"',
    ],
    [
      'contains',
      lookoutExpect.header('content-type').contains('json'),
      true,
      'application/json; charset=utf-8',
      'header content-type is "application/json; charset=utf-8", expected to contain "json"',
    ],
    [
      'contains, missing header',
      lookoutExpect.header('content-type-x').contains('json'),
      false,
      null,
      'header content-type-x missing, expected to contain "json"',
    ],
    [
      'notContains',
      lookoutExpect.header('content-type').notContains('json'),
      false,
      'application/json; charset=utf-8',
      'header content-type is "application/json; charset=utf-8", expected not to contain "json"',
    ],
    [
      'notContains, missing header',
      lookoutExpect.header('x-debug').notContains('true'),
      true,
      null,
      'header x-debug missing, expected not to contain "true"',
    ],
    [
      'matches',
      lookoutExpect.header('content-type').matches(/charset=UTF-8/i),
      true,
      'application/json; charset=utf-8',
      'header content-type is "application/json; charset=utf-8", expected to match /charset=UTF-8/i',
    ],
    [
      'notMatches',
      lookoutExpect.header('content-type').notMatches(/xml/),
      true,
      'application/json; charset=utf-8',
      'header content-type is "application/json; charset=utf-8", expected not to match /xml/',
    ],
    [
      'exists',
      lookoutExpect.header('Content-Type').exists(),
      true,
      'application/json; charset=utf-8',
      'header content-type is "application/json; charset=utf-8", expected to be present',
    ],
    [
      'exists, missing header',
      lookoutExpect.header('etag').exists(),
      false,
      null,
      'header etag missing, expected to be present',
    ],
    [
      'notExists',
      lookoutExpect.header('x-powered-by').notExists(),
      true,
      null,
      'header x-powered-by missing, expected to be absent',
    ],
    [
      'notExists, present header',
      lookoutExpect.header('cache-control').notExists(),
      false,
      'no-store',
      'header cache-control is "no-store", expected to be absent',
    ],
    [
      'oneOf',
      { source: 'header', property: 'cache-control', comparison: 'oneOf', target: ['no-cache', 'no-store'] },
      true,
      'no-store',
      'header cache-control is "no-store", expected one of "no-cache", "no-store"',
    ],
  ];
  it.each(rows)('%s', (_name, assertion, passed, actual, message) => {
    expect(judge(assertion)).toEqual({ assertion, passed, actual, message });
  });
});

describe('evaluateAssertions: body', () => {
  const rows: Row[] = [
    [
      'equals',
      lookoutExpect.body().equals('Service OK'),
      true,
      'Service OK',
      'body "Service OK", expected "Service OK"',
    ],
    [
      'notEquals',
      lookoutExpect.body().notEquals('Service OK'),
      false,
      'Service OK',
      'body "Service OK", expected not "Service OK"',
    ],
    [
      'contains',
      lookoutExpect.body().contains('OK'),
      true,
      'Service OK',
      'body "Service OK", expected to contain "OK"',
    ],
    [
      'contains, failing',
      lookoutExpect.body().contains('ready'),
      false,
      'Service OK',
      'body "Service OK", expected to contain "ready"',
    ],
    [
      'notContains',
      lookoutExpect.body().notContains('error'),
      true,
      'Service OK',
      'body "Service OK", expected not to contain "error"',
    ],
    [
      'matches',
      lookoutExpect.body().matches(/ok$/i),
      true,
      'Service OK',
      'body "Service OK", expected to match /ok$/i',
    ],
    [
      'notMatches',
      lookoutExpect.body().notMatches(/^Service/),
      false,
      'Service OK',
      'body "Service OK", expected not to match /^Service/',
    ],
  ];
  it.each(rows)('%s', (_name, assertion, passed, actual, message) => {
    expect(judge(assertion, textObservation)).toEqual({ assertion, passed, actual, message });
  });

  it('fails when no body was read', () => {
    const outcome = judge(lookoutExpect.body().contains('OK'), { ...textObservation, body: undefined });
    expect(outcome).toMatchObject({
      passed: false,
      actual: null,
      message: 'body missing, expected to contain "OK"',
    });
  });

  it('cuts a long actual value to 200 characters and the quoted body in the message to 80', () => {
    const long = 'x'.repeat(5_000);
    const outcome = judge(lookoutExpect.body().contains('ready'), { ...textObservation, body: long });
    expect(outcome.passed).toBe(false);
    expect(typeof outcome.actual === 'string' && outcome.actual.length).toBe(200);
    expect(outcome.message.length).toBeLessThan(150);
    expect(outcome.message).toMatch(/^body "x+…", expected to contain "ready"$/);
  });

  it('treats a stateful /g regex the same on every evaluation', () => {
    const assertion = lookoutExpect.body().matches(/OK/g);
    const outcomes = evaluateAssertions([assertion, assertion, assertion], textObservation);
    expect(outcomes.map((outcome) => outcome.passed)).toEqual([true, true, true]);
  });
});

describe('evaluateAssertions: jsonBody', () => {
  const rows: Row[] = [
    [
      'equals, failing',
      lookoutExpect.jsonBody('$.status').equals('ok'),
      false,
      'degraded',
      '$.status is "degraded", expected "ok"',
    ],
    ['equals, passing', lookoutExpect.jsonBody('$.queue').equals(12), true, 12, '$.queue is 12, expected 12'],
    [
      'equals null',
      lookoutExpect.jsonBody('$.error').equals(null),
      true,
      null,
      '$.error is null, expected null',
    ],
    [
      'equals a list',
      lookoutExpect.jsonBody('$.regions').equals(['eu', 'us']),
      true,
      '["eu","us"]',
      '$.regions is ["eu","us"], expected ["eu","us"]',
    ],
    [
      'notEquals',
      lookoutExpect.jsonBody('$.status').notEquals('down'),
      true,
      'degraded',
      '$.status is "degraded", expected not "down"',
    ],
    [
      'lessThan',
      lookoutExpect.jsonBody('$.queue').lessThan(100),
      true,
      12,
      '$.queue is 12, expected less than 100',
    ],
    [
      'lessThanOrEqual',
      lookoutExpect.jsonBody('$.queue').lessThanOrEqual(11),
      false,
      12,
      '$.queue is 12, expected at most 11',
    ],
    [
      'greaterThan',
      lookoutExpect.jsonBody('$.queue').greaterThan(20),
      false,
      12,
      '$.queue is 12, expected greater than 20',
    ],
    [
      'greaterThanOrEqual',
      lookoutExpect.jsonBody('$.queue').greaterThanOrEqual(12),
      true,
      12,
      '$.queue is 12, expected at least 12',
    ],
    [
      'lessThan on text never coerces',
      lookoutExpect.jsonBody('$.version').lessThan(3),
      false,
      '2.4.1',
      '$.version is "2.4.1", expected less than 3',
    ],
    [
      'contains on an array checks membership',
      lookoutExpect.jsonBody('$.regions').contains('eu'),
      true,
      '["eu","us"]',
      '$.regions is ["eu","us"], expected to contain "eu"',
    ],
    [
      'contains on an array does not match a substring of an element',
      lookoutExpect.jsonBody('$.regions').contains('e'),
      false,
      '["eu","us"]',
      '$.regions is ["eu","us"], expected to contain "e"',
    ],
    [
      'contains on text',
      lookoutExpect.jsonBody('$.version').contains('2.4'),
      true,
      '2.4.1',
      '$.version is "2.4.1", expected to contain "2.4"',
    ],
    [
      'notContains',
      lookoutExpect.jsonBody('$.regions').notContains('ap'),
      true,
      '["eu","us"]',
      '$.regions is ["eu","us"], expected not to contain "ap"',
    ],
    [
      'matches',
      lookoutExpect.jsonBody('$.version').matches(/^2\./),
      true,
      '2.4.1',
      '$.version is "2.4.1", expected to match /^2\\./',
    ],
    [
      'notMatches',
      lookoutExpect.jsonBody('$.version').notMatches(/^2\./),
      false,
      '2.4.1',
      '$.version is "2.4.1", expected not to match /^2\\./',
    ],
    [
      'oneOf',
      lookoutExpect.jsonBody('$.status').oneOf(['ok', 'degraded']),
      true,
      'degraded',
      '$.status is "degraded", expected one of "ok", "degraded"',
    ],
    [
      'exists, a null value counts',
      lookoutExpect.jsonBody('$.error').exists(),
      true,
      null,
      '$.error is null, expected to be present',
    ],
    [
      'exists, no match',
      lookoutExpect.jsonBody('$.missing').exists(),
      false,
      null,
      '$.missing not found, expected to be present',
    ],
    [
      'notExists',
      lookoutExpect.jsonBody('$.missing').notExists(),
      true,
      null,
      '$.missing not found, expected to be absent',
    ],
    [
      'equals, no match',
      lookoutExpect.jsonBody('$.missing').equals('x'),
      false,
      null,
      '$.missing not found, expected "x"',
    ],
    [
      'equals an empty list, no match: the expected value still shows',
      lookoutExpect.jsonBody('$.missing').equals([]),
      false,
      null,
      '$.missing not found, expected []',
    ],
    [
      'a .length path that matches nothing: how to check a list size instead',
      lookoutExpect.jsonBody('$.regions.length').equals(2),
      false,
      null,
      '$.regions.length not found (JSONPath has no .length; $.regions is a list of 2: to check its size, assert that $.regions[1] exists (2 or more) or that $.regions[2] does not exist (at most 2)), expected 2',
    ],
    [
      'several matches compare the first',
      lookoutExpect.jsonBody('$.items[*].id').equals(1),
      true,
      1,
      '$.items[*].id is 1 (the first of 2 matches), expected 1',
    ],
    [
      'several matches: contains looks among them',
      lookoutExpect.jsonBody('$.items[*].id').contains(2),
      true,
      '[1,2]',
      '$.items[*].id selects [1,2], expected to contain 2',
    ],
  ];
  it.each(rows)('%s', (_name, assertion, passed, actual, message) => {
    expect(judge(assertion)).toEqual({ assertion, passed, actual, message });
  });

  it('fails and says so when the body is not JSON', () => {
    const outcome = judge(lookoutExpect.jsonBody('$.status').equals('ok'), textObservation);
    expect(outcome).toMatchObject({ passed: false, actual: 'Service OK' });
    expect(outcome.message).toBe('$.status cannot be read: the body is not JSON, expected "ok"');
  });

  it('mentions truncation when a cut-off body is not JSON', () => {
    const outcome = judge(lookoutExpect.jsonBody('$.status').exists(), {
      ...observation,
      body: '{"status": "ok", "items": [1, 2,',
      bodyTruncated: true,
    });
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('the body is not JSON (it was cut off at maxBodyBytes');
  });

  it('fails when there is no body, even for notExists', () => {
    const outcome = judge(lookoutExpect.jsonBody('$.error').notExists(), { ...observation, body: undefined });
    expect(outcome).toMatchObject({ passed: false, actual: null });
    expect(outcome.message).toContain('there is no body');
  });
});

describe('evaluateAssertions: latency', () => {
  const rows: Row[] = [
    [
      'total, target written as a duration',
      lookoutExpect.latency().lessThan('2s'),
      true,
      1234.4,
      'latency 1234.4ms, expected less than 2000ms',
    ],
    [
      'total in ms, failing',
      lookoutExpect.latency('total').lessThan(1000),
      false,
      1234.4,
      'latency 1234.4ms, expected less than 1000ms',
    ],
    [
      'ttfb',
      lookoutExpect.latency('ttfb').lessThan(800),
      false,
      912,
      'latency ttfb 912ms, expected less than 800ms',
    ],
    [
      'dns',
      lookoutExpect.latency('dns').lessThanOrEqual(12),
      true,
      12,
      'latency dns 12ms, expected at most 12ms',
    ],
    [
      'connect',
      lookoutExpect.latency('connect').greaterThan(30),
      false,
      30,
      'latency connect 30ms, expected greater than 30ms',
    ],
    [
      'tls',
      lookoutExpect.latency('tls').greaterThanOrEqual(95),
      true,
      95,
      'latency tls 95ms, expected at least 95ms',
    ],
    [
      'transfer',
      lookoutExpect.latency('transfer').lessThan(200),
      true,
      185.25,
      'latency transfer 185.3ms, expected less than 200ms',
    ],
  ];
  it.each(rows)('%s', (_name, assertion, passed, actual, message) => {
    expect(judge(assertion)).toEqual({ assertion, passed, actual, message });
  });
});

describe('evaluateAssertions: certificate', () => {
  const days = lookoutExpect.certificate().daysUntilExpiry();
  const rows: Row[] = [
    [
      'greaterThan',
      days.greaterThan(14),
      false,
      10.46,
      'certificate expires in 10.5 days, expected greater than 14 days',
    ],
    [
      'greaterThanOrEqual',
      days.greaterThanOrEqual(10),
      true,
      10.46,
      'certificate expires in 10.5 days, expected at least 10 days',
    ],
    [
      'lessThan',
      days.lessThan(30),
      true,
      10.46,
      'certificate expires in 10.5 days, expected less than 30 days',
    ],
    [
      'lessThanOrEqual',
      days.lessThanOrEqual(10),
      false,
      10.46,
      'certificate expires in 10.5 days, expected at most 10 days',
    ],
  ];
  it.each(rows)('%s', (_name, assertion, passed, actual, message) => {
    expect(judge(assertion)).toEqual({ assertion, passed, actual, message });
  });

  it('says how long ago an expired certificate expired', () => {
    const outcome = judge(days.greaterThan(0), { ...observation, certificateDaysUntilExpiry: -2.5 });
    expect(outcome).toMatchObject({
      passed: false,
      actual: -2.5,
      message: 'certificate expired 2.5 days ago, expected greater than 0 days',
    });
  });

  it('fails when there was no TLS handshake', () => {
    const outcome = judge(days.greaterThan(14), { ...observation, certificateDaysUntilExpiry: undefined });
    expect(outcome).toMatchObject({
      passed: false,
      actual: null,
      message: 'certificate missing (no TLS handshake), expected greater than 14 days',
    });
  });
});

describe('evaluateAssertions never throws', () => {
  it('judges every assertion in order, whatever the mix', () => {
    const outcomes = evaluateAssertions(
      [
        lookoutExpect.status().lessThan(400),
        lookoutExpect.jsonBody('$.queue').lessThan(100),
        lookoutExpect.latency('ttfb').lessThan(800),
      ],
      observation,
    );
    expect(outcomes.map((outcome) => outcome.passed)).toEqual([false, true, false]);
  });

  it('reports a regular expression that does not compile as a failure', () => {
    const assertion: Assertion = {
      source: 'body',
      comparison: 'matches',
      target: { pattern: '(', flags: '' },
    };
    const outcome = judge(assertion, textObservation);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('does not compile');
  });

  it('reports an invalid JSONPath as a failure', () => {
    const outcome = judge({ source: 'jsonBody', property: '$[', comparison: 'exists' });
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toContain('is not a valid JSONPath');
  });

  it('reports an unknown latency phase as a failure', () => {
    const outcome = judge({ source: 'latency', property: 'firstByte', comparison: 'lessThan', target: 10 });
    expect(outcome).toMatchObject({ passed: false, actual: null });
    expect(outcome.message).toContain('latency phase "firstByte" is unknown');
  });

  it('survives an assertion that is not one at all', () => {
    const bogus = { source: 'smell', comparison: 'equals', target: 'fresh' } as unknown as Assertion;
    const outcomes = evaluateAssertions([bogus], observation);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.passed).toBe(false);
  });
});
