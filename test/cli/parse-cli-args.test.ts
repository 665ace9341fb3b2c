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
    // Each command has its own help.
    expect(parseCliArgs(['check', '-h'])).toEqual({ command: 'help', topic: 'check' });
    expect(parseCliArgs(['run', '--help'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseCliArgs(['cost', '--help'])).toEqual({ command: 'help', topic: 'cost' });
  });

  it('recognizes --version and -v', () => {
    expect(parseCliArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseCliArgs(['-v'])).toEqual({ command: 'version' });
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

  it('parses run with its flags', () => {
    expect(
      parseCliArgs([
        'run',
        '--only',
        'a',
        '--port',
        '0',
        '--webhook',
        'http://127.0.0.1:9/hook',
        '--data-dir',
        'd',
      ]),
    ).toEqual({
      command: 'run',
      options: { onlyIds: ['a'], port: 0, webhookUrl: 'http://127.0.0.1:9/hook', dataDir: 'd' },
    });
    expect(parseCliArgs(['run'])).toEqual({ command: 'run', options: {} });
  });

  it('rejects a bad port or webhook, and flags of the other command', () => {
    expect(parseCliArgs(['run', '--port', '70000'])).toMatchObject({
      message: '--port 70000 is not a port (0 to 65535)',
    });
    expect(parseCliArgs(['run', '--webhook', 'ftp://x'])).toMatchObject({ command: 'usage-error' });
    expect(parseCliArgs(['run', '--json'])).toMatchObject({
      message: "--json is not an option of 'lookout run'",
    });
    expect(parseCliArgs(['check', '--port', '1'])).toMatchObject({
      message: "--port is not an option of 'lookout check'",
    });
  });

  it('parses cost with its flags, its own help, and refuses the others', () => {
    expect(parseCliArgs(['cost'])).toEqual({ command: 'cost', options: { json: false } });
    expect(parseCliArgs(['cost', '--config', 'm.ts', '--json'])).toEqual({
      command: 'cost',
      options: { configModule: 'm.ts', json: true },
    });
    expect(parseCliArgs(['cost', '--help'])).toEqual({ command: 'help', topic: 'cost' });
    for (const flag of [
      ['--only', 'a'],
      ['--port', '1'],
      ['--webhook', 'http://127.0.0.1:9/'],
      ['--data-dir', 'd'],
    ]) {
      expect(parseCliArgs(['cost', ...flag])).toMatchObject({
        command: 'usage-error',
        message: `${flag[0]} is not an option of 'lookout cost'`,
      });
    }
  });
});
