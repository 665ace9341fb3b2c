import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../functions/cli/main';

describe('parseCliArgs', () => {
  it('parses check with every flag', () => {
    expect(
      parseCliArgs(['check', '--config', 'x/monitor.ts', '--only', 'a,b', '--only', 'c', '--json']),
    ).toEqual({
      command: 'check',
      options: { configModule: 'x/monitor.ts', onlyIds: ['a', 'b', 'c'], json: true },
    });
  });

  it('leaves the config and the id list unset by default', () => {
    expect(parseCliArgs(['check'])).toEqual({ command: 'check', options: { json: false } });
  });

  it('recognizes --help and -h', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['check', '-h'])).toEqual({ command: 'help' });
  });

  it('reports a missing or unknown command, an unknown flag and a stray argument', () => {
    expect(parseCliArgs([])).toMatchObject({ command: 'usage-error', message: 'missing command' });
    expect(parseCliArgs(['deploy'])).toMatchObject({
      command: 'usage-error',
      message: "unknown command 'deploy'",
    });
    expect(parseCliArgs(['check', '--fast'])).toMatchObject({
      command: 'usage-error',
      message: "unknown option '--fast'",
    });
    expect(parseCliArgs(['check', 'extra'])).toMatchObject({ command: 'usage-error' });
  });

  it('rejects an --only without ids and a flag without its value', () => {
    expect(parseCliArgs(['check', '--only', ' , '])).toMatchObject({ command: 'usage-error' });
    expect(parseCliArgs(['check', '--config'])).toMatchObject({ command: 'usage-error' });
  });
});
