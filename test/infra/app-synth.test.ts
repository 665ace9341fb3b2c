import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import exampleMonitor from '../../checks';
import { formatProblems, validateMonitor } from '../../functions/core';
import invalidMonitor from './fixtures/invalid-checks';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** Runs infra/app.ts as `cdk synth` does, with no AWS credentials or config, skipping asset bundling. */
function runApp(extraEnv: Record<string, string> = {}): {
  status: number | null;
  stderr: string;
  outdir: string;
} {
  const outdir = mkdtempSync(join(tmpdir(), 'lookout-app-'));
  const home = mkdtempSync(join(tmpdir(), 'lookout-home-'));
  directories.push(outdir, home);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [] }),
    ...extraEnv,
  };
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stderr: result.stderr, outdir };
}

describe('infra/app.ts', () => {
  it('synthesizes checks/index.ts offline: a top-level home stack and probe stack per region, nag-clean', () => {
    const { status, stderr, outdir } = runApp();
    expect(stderr).not.toMatch(/error/i);
    expect(status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; environment?: string; properties?: { stackName?: string } }>;
    };
    // Top-level stacks, so that `cdk deploy --all` selects them.
    const stacks = Object.values(manifest.artifacts).filter(
      (artifact) => artifact.type === 'aws:cloudformation:stack',
    );
    const example = validateMonitor(exampleMonitor);
    if (!example.ok) throw new Error('checks/index.ts is invalid');
    const { homeRegion, regions } = example.monitor;
    expect(stacks.map((stack) => [stack.properties?.stackName, stack.environment]).sort()).toEqual(
      [
        ['Lookout-Home', `aws://unknown-account/${homeRegion}`],
        ...regions.map((region) => [`Lookout-Probe-${region}`, `aws://unknown-account/${region}`]),
      ].sort(),
    );
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
    expect(readdirSync(outdir).filter((name) => name.startsWith('asset.'))).toEqual([]);
  });

  it('fails on an invalid monitor, listing every problem', () => {
    const { status, stderr, outdir } = runApp({ LOOKOUT_CHECKS: 'test/infra/fixtures/invalid-checks.ts' });
    expect(status).toBe(1);
    const validation = validateMonitor(invalidMonitor);
    if (validation.ok) throw new Error('the fixture should be invalid');
    expect(validation.problems.length).toBeGreaterThanOrEqual(5);
    for (const line of formatProblems(validation.problems).split('\n')) expect(stderr).toContain(line);
    expect(stderr).toContain(`(${validation.problems.length} problems)`);
    expect(readdirSync(outdir)).not.toContain('manifest.json');
  });

  it("takes the ping function's reserved concurrency from the context, and refuses a value it cannot use", () => {
    const pingFunctionsOf = (outdir: string) => {
      const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
        artifacts: Record<string, { properties?: { stackName?: string; templateFile?: string } }>;
      };
      const home = Object.values(manifest.artifacts).find((a) => a.properties?.stackName === 'Lookout-Home');
      const templateFile = home?.properties?.templateFile ?? 'no home stack';
      const template = JSON.parse(readFileSync(join(outdir, templateFile), 'utf8')) as {
        Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
      };
      return Object.values(template.Resources).filter(
        (resource) =>
          resource.Type === 'AWS::Lambda::Function' && resource.Properties.FunctionName === 'lookout-ping',
      );
    };
    const context = (value: unknown) =>
      JSON.stringify({ 'aws:cdk:bundling-stacks': [], pingReservedConcurrency: value });
    const checks = 'test/infra/fixtures/heartbeat-checks.ts';

    const unset = runApp({ LOOKOUT_CHECKS: checks });
    expect(unset.status).toBe(0);
    expect(pingFunctionsOf(unset.outdir).map((fn) => fn.Properties.ReservedConcurrentExecutions)).toEqual([
      5,
    ]);
    const off = runApp({ LOOKOUT_CHECKS: checks, CDK_CONTEXT_JSON: context('false') });
    expect(off.status).toBe(0);
    expect(pingFunctionsOf(off.outdir).map((fn) => fn.Properties.ReservedConcurrentExecutions)).toEqual([
      undefined,
    ]);
    const wrong = runApp({ LOOKOUT_CHECKS: checks, CDK_CONTEXT_JSON: context('none') });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      'pingReservedConcurrency: "none" is neither false nor a whole number from 1',
    );
  });
});
