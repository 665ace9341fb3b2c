import { expect as lookoutExpect } from '../../../functions/core';
import { describeInvalidCases, describeValidCases } from '../../support/validation-cases';
import { changed } from '../monitor-fixture';

// What a person gets wrong in an assertion, and the words that tell them how to write it.

describeInvalidCases('JSONPath problems in plain words', [
  {
    name: 'a path without its $',
    input: changed({ 'checks.0.assert.1': lookoutExpect.jsonBody('status.indicator').equals('none') }),
    path: 'checks[0].assert[1].property',
    checkId: 'api',
    reason:
      'assert[1].property "status.indicator" is not a valid JSONPath: a JSONPath starts with $, such as $.status; did you mean "$.status.indicator"?',
  },
  {
    name: 'a path that starts with @',
    input: changed({ 'checks.0.assert.1': lookoutExpect.jsonBody('@.ok').equals(true) }),
    path: 'checks[0].assert[1].property',
    checkId: 'api',
    reason: 'a JSONPath starts with $, such as $.status; @ is the current value, only inside a filter',
  },
  {
    name: 'a bracket left open',
    input: changed({ 'checks.0.assert.1': lookoutExpect.jsonBody('$.items[0').exists() }),
    path: 'checks[0].assert[1].property',
    checkId: 'api',
    reason: 'is not a valid JSONPath: it ends too early: close every [ and quote',
  },
  {
    name: 'a member name with a space',
    input: changed({ 'checks.0.assert.1': lookoutExpect.jsonBody('$.build info').exists() }),
    path: 'checks[0].assert[1].property',
    checkId: 'api',
    reason: `it cannot be read from character 9 on ("info"): names with spaces or symbols go in brackets and quotes, such as $['a b']`,
  },
]);

describeInvalidCases('matches() given something other than a regular expression', [
  {
    name: 'a number',
    input: changed({ 'checks.0.assert.1': lookoutExpect.body().matches(200 as never) }),
    path: 'checks[0].assert[1].target',
    checkId: 'api',
    reason: 'is not a regular expression: matches() takes a RegExp such as /…/ (or a pattern string)',
  },
  {
    name: 'a string in plain data (not through the builder)',
    input: changed({ 'checks.0.assert.1': { source: 'body', comparison: 'matches', target: 'ok' } }),
    path: 'checks[0].assert[1].target',
    checkId: 'api',
    reason:
      'matches() takes a RegExp such as /ok/ (or a pattern string); as plain data, write { pattern, flags }',
  },
]);

describeValidCases('matches() takes a pattern string', [
  {
    name: 'on the body',
    input: changed({ 'checks.0.assert.1': lookoutExpect.body().matches('^\\{"status"') }),
  },
  {
    name: 'on a header, notMatches',
    input: changed({ 'checks.0.assert.1': lookoutExpect.header('content-type').notMatches('xml') }),
  },
  {
    name: 'on a JSON value',
    input: changed({ 'checks.0.assert.1': lookoutExpect.jsonBody('$.version').matches('^2\\.') }),
  },
]);
