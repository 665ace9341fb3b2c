import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../functions/core';
import { expectInvalid } from '../../support/validation-cases';
import { changed, remove, validMonitor } from '../monitor-fixture';

describe('validateMonitor collects every problem', () => {
  it('reports all problems of one monitor together, monitor-level first, then by check', () => {
    const input = changed({
      homeRegion: 'mars-1',
      'checks.0.interval': '7s',
      'checks.0.timout': '5s',
      'checks.0.headers.authorization': 'Bearer abc',
      'checks.1.port': 0,
      'checks.1.assert': [{ source: 'status', comparison: 'equals', target: 200 }],
      'checks.2.id': 'api',
      'checks.2.minDaysValid': 1.5,
      'alerts.sms': ['12345'],
    });
    const problems = expectInvalid(input);
    const found = problems.map(({ checkId, path }) => ({ checkId, path }));
    expect(found).toEqual([
      { checkId: undefined, path: 'homeRegion' },
      { checkId: undefined, path: 'alerts.sms[0]' },
      { checkId: 'api', path: 'checks[0].timout' },
      { checkId: 'api', path: 'checks[0].interval' },
      { checkId: 'api', path: 'checks[0].headers.authorization' },
      { checkId: 'redis', path: 'checks[1].port' },
      { checkId: 'redis', path: 'checks[1].assert[0].source' },
      { checkId: 'api', path: 'checks[2].id' },
      { checkId: 'api', path: 'checks[2].minDaysValid' },
    ]);
  });

  it('reports structural and semantic problems of the same check side by side', () => {
    const problems = expectInvalid(changed({ 'checks.1.port': '6379', 'checks.1.host': 'tcp://cache' }));
    expect(problems.map((problem) => problem.message)).toEqual([
      'port must be a number, not "6379"',
      'host "tcp://cache" must be a host name or IP address, not a URL',
    ]);
  });

  it('reports a value of the wrong type once, not again as a bad value', () => {
    const problems = expectInvalid(changed({ 'checks.0.interval': 60, 'checks.0.retries': '2' }));
    expect(problems.map((problem) => problem.path)).toEqual(['checks[0].interval', 'checks[0].retries']);
  });

  it('names the monitor when the input is not an object at all', () => {
    for (const input of [null, 42, 'monitor', [validMonitor()]]) {
      const problems = expectInvalid(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('');
      expect(problems[0]?.message).toMatch(/^the monitor must be an object, not /);
    }
  });

  it('reports a check that is not an object, and keeps checking the others', () => {
    const input = changed({ 'checks.1': 'redis', 'checks.2.port': -1 });
    const problems = expectInvalid(input);
    expect(problems).toEqual([
      { path: 'checks[1]', message: 'checks[1] must be an object, not "redis"' },
      {
        checkId: 'www-cert',
        path: 'checks[2].port',
        message: 'port -1 is outside the allowed range 1 to 65535',
      },
    ]);
  });

  it('sets no check id when the check has no string id', () => {
    const problems = expectInvalid(changed({ 'checks.1.id': remove, 'checks.1.port': 0 }));
    expect(problems.map(({ checkId, path }) => ({ checkId, path }))).toEqual([
      { checkId: undefined, path: 'checks[1].id' },
      { checkId: undefined, path: 'checks[1].port' },
    ]);
  });

  it('tells people about a RegExp placed where only plain data survives', () => {
    const problems = expectInvalid(changed({ 'checks.1.expect': /PONG/ }));
    expect(problems[0]?.path).toBe('checks[1].expect');
    expect(problems[0]?.message).toContain('a RegExp (/PONG/) does not survive JSON');
  });

  it('does not echo a password from a URL into the message', () => {
    const problems = expectInvalid(changed({ 'checks.0.url': 'https://admin:hunter2@api.example.com/' }));
    expect(formatProblems(problems)).not.toContain('hunter2');
  });
});

describe('formatProblems', () => {
  it('writes one line per problem: check id or "monitor", path, reason', () => {
    const text = formatProblems([
      { path: 'regions[1]', message: 'regions[1] "eu-west-9" is not a known AWS region' },
      { checkId: 'api', path: 'checks[0].interval', message: 'interval 7s is below the 10s minimum' },
      { path: '', message: 'the monitor must be an object, not null' },
    ]);
    expect(text.split('\n')).toEqual([
      'monitor: regions[1]: regions[1] "eu-west-9" is not a known AWS region',
      'api: checks[0].interval: interval 7s is below the 10s minimum',
      'monitor: the monitor must be an object, not null',
    ]);
  });

  it('formats what validateMonitor reports', () => {
    const problems = expectInvalid(changed({ 'checks.0.interval': '7s' }));
    expect(formatProblems(problems)).toBe('api: checks[0].interval: interval 7s is below the 10s minimum');
  });
});
