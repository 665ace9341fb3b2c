import { describe, expect, it } from 'vitest';
import { validateMonitor } from '../../../functions/core';
import { describeInvalidCases, describeValidCases, type InvalidCase } from '../../support/validation-cases';
import { changed, validMonitor } from '../monitor-fixture';

const page = { title: 'Acme status', checks: ['api', 'redis'] };

const cases: InvalidCase[] = [
  {
    name: 'a listed id that is not a check, with a suggestion',
    input: changed({ statusPage: { ...page, checks: ['api', 'rediss'] } }),
    path: 'statusPage.checks[1]',
    checkId: undefined,
    reason: 'statusPage.checks[1] "rediss" is not a check of this monitor (did you mean "redis"?)',
  },
  {
    name: 'no check listed (checks are private unless listed)',
    input: changed({ statusPage: { ...page, checks: [] } }),
    path: 'statusPage.checks',
    checkId: undefined,
    reason: 'statusPage.checks is empty, so the page would show nothing: checks are private unless listed',
  },
  {
    name: 'checks left out',
    input: changed({ statusPage: { title: 'Acme status' } }),
    path: 'statusPage.checks',
    checkId: undefined,
    reason: 'is required',
  },
  {
    name: 'a check listed twice',
    input: changed({ statusPage: { ...page, checks: ['api', 'redis', 'api'] } }),
    path: 'statusPage.checks[2]',
    checkId: undefined,
    reason: 'statusPage.checks[2] "api" is listed twice (first at statusPage.checks[0])',
  },
  {
    name: 'an empty title',
    input: changed({ statusPage: { ...page, title: '  ' } }),
    path: 'statusPage.title',
    checkId: undefined,
    reason: "statusPage.title is empty; name the page, such as 'Acme status'",
  },
  {
    name: 'a title of 101 characters',
    input: changed({ statusPage: { ...page, title: 'x'.repeat(101) } }),
    path: 'statusPage.title',
    checkId: undefined,
    reason: 'statusPage.title is 101 characters long, more than the 100 allowed',
  },
  {
    name: 'a misspelled visibility option',
    input: changed({ statusPage: { ...page, show: { target: true } } }),
    path: 'statusPage.show.target',
    checkId: undefined,
    reason: 'unknown key "target" (did you mean "targets"?)',
  },
];

describeInvalidCases('validateMonitor rejects a malformed status page', cases);

describeValidCases('status pages that are valid', [
  { name: 'a title and listed checks', input: changed({ statusPage: page }) },
  {
    name: 'showing targets and errors',
    input: changed({ statusPage: { ...page, show: { targets: true, errors: true } } }),
  },
]);

describe('the resolved status page', () => {
  it('keeps the title and the listed checks in their order, and shows nothing more by default', () => {
    const validation = validateMonitor({
      ...validMonitor(),
      statusPage: { title: 'Acme', checks: ['redis', 'api'] },
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    expect(validation.monitor.statusPage).toEqual({
      title: 'Acme',
      checks: ['redis', 'api'],
      show: { targets: false, errors: false },
    });
  });

  it('is absent without a declaration', () => {
    const validation = validateMonitor(validMonitor());
    expect(validation.ok && validation.monitor.statusPage).toBeUndefined();
  });
});
