import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateMonitor } from '../../functions/core';
import type { ProbeResult } from '../../functions/core/probe-result';
import { closedPort } from '../support/closed-port';
import { type LoopbackHttpServer, startLoopbackHttpServer } from './loopback-http-server';
import { coreDirPath, coreIndexPath, repoRoot, runLookout } from './run-lookout';

const ansiEscape = '\u001b[';

let server: LoopbackHttpServer;
let workDir: string;

beforeAll(async () => {
  server = await startLoopbackHttpServer();
  workDir = await mkdtemp(join(tmpdir(), 'lookout-cli-'));
});

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Writes a config module whose default export is `defineMonitor(<monitorSource>)`. */
async function writeConfig(fileName: string, monitorSource: string): Promise<string> {
  const path = join(workDir, fileName);
  const source = [
    `import { defineMonitor, expect, http, secret, tcp } from ${JSON.stringify(coreIndexPath)};`,
    `export default defineMonitor(${monitorSource});`,
    '',
  ].join('\n');
  await writeFile(path, source);
  return path;
}

/** A monitor with a passing check `up` and another passing check `up-too`. */
function passingMonitorSource(): string {
  return `{
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    checks: [
      http({
        id: 'up',
        url: '${server.origin}/ok?check=up',
        assert: [expect.status().equals(200), expect.jsonBody('$.status').equals('ok')],
      }),
      http({ id: 'up-too', url: '${server.origin}/ok?check=up-too', regions: ['eu-west-1'] }),
    ],
  }`;
}

function parseJsonResults(stdout: string): ProbeResult[] {
  const parsed = JSON.parse(stdout) as { results: ProbeResult[] };
  return parsed.results;
}

describe('lookout check', () => {
  it('exits 0 when every check passes and lists each check in the table', async () => {
    const config = await writeConfig('passing.ts', passingMonitorSource());
    const run = await runLookout(['check', '--config', config], { cwd: workDir });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const rows = run.stdout.split('\n');
    expect(rows.find((row) => row.startsWith('up '))).toMatch(/\bPASS\b.*\b200\b/);
    expect(rows.find((row) => row.startsWith('up-too '))).toMatch(/\bPASS\b.*\b200\b/);
    expect(run.stdout).toContain('2 checks from local: 2 passed, 0 failed');
  });

  it('probes every check from this machine whatever regions it declares', async () => {
    const config = await writeConfig('regions.ts', passingMonitorSource());
    const run = await runLookout(['check', '--config', config, '--json'], { cwd: workDir });
    const results = parseJsonResults(run.stdout);
    expect(results.map((result) => result.checkId).sort()).toEqual(['up', 'up-too']);
    expect(results.every((result) => result.region === 'local')).toBe(true);
  });

  it('loads checks/index.ts from the current directory by default, also outside an ES module package', async () => {
    const projectDir = join(workDir, 'project');
    await mkdir(join(projectDir, 'checks'), { recursive: true });
    await writeFile(
      join(projectDir, 'checks', 'index.ts'),
      `import { defineMonitor, http } from ${JSON.stringify(coreDirPath)};\n` +
        `export default defineMonitor({ homeRegion: 'us-east-1', checks: [http({ id: 'default-config', url: '${server.origin}/ok' })] });\n`,
    );
    const run = await runLookout(['check'], { cwd: projectDir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^default-config\s+PASS/m);
  });

  it('exits 1 when a check fails and shows its error code and the failed assertion', async () => {
    const downPort = await closedPort();
    const config = await writeConfig(
      'failing.ts',
      `{
        homeRegion: 'us-east-1',
        checks: [
          http({ id: 'fine', url: '${server.origin}/ok' }),
          http({ id: 'broken', url: '${server.origin}/down', assert: [expect.status().equals(200)] }),
          tcp({ id: 'nothing-listens', host: '127.0.0.1', port: ${downPort} }),
        ],
      }`,
    );
    const run = await runLookout(['check', '--config', config], { cwd: workDir });
    expect(run.exitCode).toBe(1);
    const rows = run.stdout.split('\n');
    const brokenIndex = rows.findIndex((row) => row.startsWith('broken '));
    expect(rows[brokenIndex]).toMatch(/\bFAIL\b.*\b503\b.*ASSERTION_FAILED/);
    expect(rows[brokenIndex + 1]).toMatch(/^\s+✗ .*\b503\b.*expected.*\b200\b/);
    expect(rows.find((row) => row.startsWith('nothing-listens '))).toMatch(/\bFAIL\b.*CONNECT_REFUSED/);
    expect(rows.find((row) => row.startsWith('fine '))).toMatch(/\bPASS\b/);
    expect(run.stdout).toContain('3 checks from local: 1 passed, 2 failed');
  });

  it('exits 2 and prints every problem (check id, path, reason) when declarations are invalid', async () => {
    const declaration = {
      homeRegion: 'us-east-1',
      checks: [
        { kind: 'http', id: 'bad-url', url: 'not a url' },
        { kind: 'http', id: 'bad-timeout', url: `${server.origin}/ok?invalid`, timeout: 'soon' },
        { kind: 'tcp', id: 'bad-port', host: '127.0.0.1', port: 70_000 },
      ],
    };
    const validation = validateMonitor(declaration);
    if (validation.ok) throw new Error('the declaration used by this test must be invalid');
    expect(validation.problems.length).toBeGreaterThanOrEqual(3);
    const path = join(workDir, 'invalid.ts');
    await writeFile(path, `export default ${JSON.stringify(declaration)};\n`);

    const run = await runLookout(['check', '--config', path], { cwd: workDir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    for (const problem of validation.problems) {
      const line = run.stderr.split('\n').find((candidate) => candidate.includes(problem.message));
      expect(line, `stderr names: ${problem.message}`).toBeDefined();
      expect(line).toContain(problem.path);
      expect(line).toContain(problem.checkId ?? 'monitor');
    }
    expect(server.requests.some((request) => request.path === '/ok?invalid')).toBe(false);
  });

  it('with --json prints only {"results": [...]} on stdout', async () => {
    const config = await writeConfig('json.ts', passingMonitorSource());
    const run = await runLookout(['check', '--config', config, '--json'], { cwd: workDir });
    expect(run.exitCode).toBe(0);
    const results = parseJsonResults(run.stdout);
    expect(results).toHaveLength(2);
    expect(results.every((result) => result.ok && result.status === 200)).toBe(true);
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['results']);
  });

  it('with --json still exits 1 on a failure', async () => {
    const config = await writeConfig(
      'json-failing.ts',
      `{ homeRegion: 'us-east-1', checks: [http({ id: 'down', url: '${server.origin}/down' })] }`,
    );
    const run = await runLookout(['check', '--config', config, '--json'], { cwd: workDir });
    expect(run.exitCode).toBe(1);
    const [result] = parseJsonResults(run.stdout);
    expect(result?.error?.code).toBe('ASSERTION_FAILED');
  });

  it('with --only runs just the named checks', async () => {
    const config = await writeConfig('only.ts', passingMonitorSource());
    const before = server.requests.length;
    const run = await runLookout(['check', '--config', config, '--only', 'up-too'], { cwd: workDir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^up-too\s+PASS/m);
    expect(run.stdout).not.toMatch(/^up\s/m);
    const paths = server.requests.slice(before).map((request) => request.path);
    expect(paths).toEqual(['/ok?check=up-too']);
  });

  it('exits 2 when --only names an unknown check id', async () => {
    const config = await writeConfig('only-unknown.ts', passingMonitorSource());
    const run = await runLookout(['check', '--config', config, '--only', 'up,nope'], { cwd: workDir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('nope');
    expect(run.stdout).toBe('');
  });

  it('colours only when asked, and never with NO_COLOR', async () => {
    const config = await writeConfig('colour.ts', passingMonitorSource());
    const piped = await runLookout(['check', '--config', config], { cwd: workDir });
    const forced = await runLookout(['check', '--config', config], {
      cwd: workDir,
      env: { FORCE_COLOR: '1' },
    });
    const noColor = await runLookout(['check', '--config', config], {
      cwd: workDir,
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(piped.stdout).not.toContain(ansiEscape);
    expect(forced.stdout).toContain(ansiEscape);
    expect(noColor.exitCode).toBe(0);
    expect(noColor.stdout).toContain('PASS');
    expect(noColor.stdout).not.toContain(ansiEscape);
  });

  it('sends a secret read from its LOOKOUT_SECRET_* variable and never prints it', async () => {
    const token = `Bearer s3cret-${process.pid}-${Date.now()}`;
    const config = await writeConfig(
      'secret.ts',
      `{
        homeRegion: 'us-east-1',
        checks: [http({ id: 'with-secret', url: '${server.origin}/ok?secret', headers: { authorization: secret('/lookout/cli-test-token') } })],
      }`,
    );
    const run = await runLookout(['check', '--config', config], {
      cwd: workDir,
      env: { LOOKOUT_SECRET_LOOKOUT_CLI_TEST_TOKEN: token },
    });
    expect(run.exitCode).toBe(0);
    const received = server.requests.filter((request) => request.path === '/ok?secret');
    expect(received.at(-1)?.headers.authorization).toBe(token);
    expect(run.stdout).not.toContain('s3cret');
    expect(run.stderr).not.toContain('s3cret');

    const json = await runLookout(['check', '--config', config, '--json'], {
      cwd: workDir,
      env: { LOOKOUT_SECRET_LOOKOUT_CLI_TEST_TOKEN: token },
    });
    expect(json.exitCode).toBe(0);
    expect(json.stdout).not.toContain('s3cret');
  });

  it('fails the probe that needs a secret that is not set, naming the variable', async () => {
    const config = await writeConfig(
      'secret-missing.ts',
      `{
        homeRegion: 'us-east-1',
        checks: [http({ id: 'no-secret', url: '${server.origin}/ok?no-secret', headers: { authorization: secret('/lookout/unset-token') } })],
      }`,
    );
    const run = await runLookout(['check', '--config', config], { cwd: workDir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^no-secret\s+FAIL/m);
    expect(run.stdout).toContain('LOOKOUT_SECRET_LOOKOUT_UNSET_TOKEN');
    expect(server.requests.some((request) => request.path === '/ok?no-secret')).toBe(false);
  });

  it('exits 2 with a clear message when the config module is missing, broken or has no default export', async () => {
    const missing = await runLookout(['check', '--config', 'nowhere/monitor.ts'], { cwd: workDir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('config module not found');

    const brokenPath = join(workDir, 'broken.ts');
    await writeFile(brokenPath, 'export default defineMonitor({ homeRegion: \n');
    const broken = await runLookout(['check', '--config', brokenPath], { cwd: workDir });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain(`could not load ${brokenPath}`);

    const noDefaultPath = join(workDir, 'no-default.ts');
    await writeFile(noDefaultPath, 'export const monitor = {};\n');
    const noDefault = await runLookout(['check', '--config', noDefaultPath], { cwd: workDir });
    expect(noDefault.exitCode).toBe(2);
    expect(noDefault.stderr).toContain('has no default export');

    const directoryPath = join(workDir, 'a-directory');
    await mkdir(directoryPath, { recursive: true });
    const directory = await runLookout(['check', '--config', directoryPath], { cwd: workDir });
    expect(directory.exitCode).toBe(2);
    expect(directory.stderr).toBe(
      `lookout: config module ${directoryPath} is a directory with no index.ts; give --config the module file, such as ${join(directoryPath, 'index.ts')}\n`,
    );
  });

  it('prints usage and exits 2 on an unknown command or flag, and exits 0 with --help', async () => {
    const unknownCommand = await runLookout(['deploy'], { cwd: workDir });
    expect(unknownCommand.exitCode).toBe(2);
    expect(unknownCommand.stdout).toBe('');
    expect(unknownCommand.stderr).toContain("unknown command 'deploy'");
    expect(unknownCommand.stderr).toContain('lookout check [--config <module>]');

    const unknownFlag = await runLookout(['check', '--fast'], { cwd: workDir });
    expect(unknownFlag.exitCode).toBe(2);
    expect(unknownFlag.stderr).toContain("unknown option '--fast'");

    const help = await runLookout(['--help'], { cwd: workDir });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('lookout check [--config <module>]');
  });

  it('shows each command its own help, and the version', async () => {
    const check = await runLookout(['check', '--help'], { cwd: workDir });
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toMatch(/^Usage: lookout check \[--config <module>\]/);
    const run = await runLookout(['run', '-h'], { cwd: workDir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Usage: lookout run \[--config <module>\]/);
    expect(run.stdout).toContain('--data-dir');
    const version = await runLookout(['--version'], { cwd: workDir });
    expect(version.exitCode).toBe(0);
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(version.stdout).toMatch(
      new RegExp(
        `^lookout ${manifest.version.replaceAll('.', '\\.')} \\(Node\\.js v\\d+\\.\\d+\\.\\d+\\)\n$`,
      ),
    );
  });
});
