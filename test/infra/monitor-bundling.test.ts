import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitorDeclaration } from '../../functions/core';
import { type BundledMonitor, monitorFormatVersion } from '../../functions/core/contract/monitor-format';
import { stagedMonitorFolder } from '../../infra/handler-bundling';
import { readmeShapedMonitor, threeRegionMonitor } from './infra-monitors';
import { type SynthesizedLookout, synthLookout } from './synth-lookout';

const outdirs: string[] = [];
function freshOutdir(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'lookout-monitor-'));
  outdirs.push(outdir);
  return outdir;
}

afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/** The asset directory (or skipped-bundling hash) of the probe function of `region`. */
function probeAsset(synthesized: SynthesizedLookout, region: string): { hash: string; directory: string } {
  const stack = synthesized.deployment.probes.get(region);
  if (stack === undefined) throw new Error(`no probe stack in ${region}`);
  const template = synthesized.template(stack);
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function')) as {
    Properties: { Code: { S3Key: string } };
  }[];
  const hash = fn?.Properties.Code.S3Key.replace(/\.zip$/, '') ?? '';
  return { hash, directory: join(synthesized.assembly.directory, `asset.${hash}`) };
}

function shippedMonitor(directory: string): BundledMonitor {
  return JSON.parse(readFileSync(join(directory, 'monitor.json'), 'utf8')) as BundledMonitor;
}

describe('the monitor in each bundle', () => {
  it("changes the function's asset hash when its monitor changes, and only then; the code stays the same", () => {
    const before = threeRegionMonitor();
    const changed = structuredClone(before);
    const partner = changed.checks.find((each) => each.id === 'partner');
    if (partner?.kind !== 'http') throw new Error('fixture has no partner check');
    partner.url = 'https://partner.example.com/ready';
    const elsewhere = structuredClone(before);
    const legacy = elsewhere.checks.find((each) => each.id === 'legacy');
    if (legacy?.kind !== 'http') throw new Error('fixture has no legacy check');
    legacy.url = 'http://legacy.example.com/ready';

    const bundling = ['Lookout/Probe-eu-west-1'];
    const synth = (monitor: MonitorDeclaration) =>
      synthLookout({ monitor, outdir: freshOutdir(), bundlingStacks: bundling });
    const [first, again, partnerChanged, legacyChanged] = [before, before, changed, elsewhere].map(synth);
    const asset = (synthesized: SynthesizedLookout | undefined) =>
      probeAsset(synthesized as SynthesizedLookout, 'eu-west-1');

    expect(asset(again).hash).toBe(asset(first).hash);
    // `partner` is probed from eu-west-1: its bundle changes, by its monitor.json alone.
    expect(asset(partnerChanged).hash).not.toBe(asset(first).hash);
    const code = (synthesized: SynthesizedLookout | undefined) =>
      readFileSync(join(asset(synthesized).directory, 'index.js'), 'utf8');
    expect(code(partnerChanged)).toBe(code(first));
    const partnerUrl = (synthesized: SynthesizedLookout | undefined) =>
      shippedMonitor(asset(synthesized).directory).monitor.checks.find((each) => each.id === 'partner');
    expect(partnerUrl(partnerChanged)).toMatchObject({ url: 'https://partner.example.com/ready' });
    // `legacy` is probed from ap-southeast-2 only: eu-west-1's bundle is unchanged, so is not deployed again.
    expect(asset(legacyChanged).hash).toBe(asset(first).hash);

    // Where bundling is skipped (stacks not being deployed), the placeholder hash still follows the monitor.
    const skipped = (synthesized: SynthesizedLookout | undefined) =>
      probeAsset(synthesized as SynthesizedLookout, 'ap-southeast-2').hash;
    expect(skipped(legacyChanged)).not.toBe(skipped(first));
  }, 120_000);

  it('synthesizes 10,000 README-shaped checks: no command line carries the monitor, and it reaches the bundle as a file', () => {
    const outdir = freshOutdir();
    const startedAt = performance.now();
    const synthesized = synthLookout({
      monitor: readmeShapedMonitor(10_000),
      outdir,
      bundlingStacks: ['Lookout/Probe-eu-west-1'],
    });
    const elapsedSeconds = (performance.now() - startedAt) / 1000;
    console.log(`synth of 10,000 checks, one probe stack bundled: ${elapsedSeconds.toFixed(1)} s`);

    const { directory } = probeAsset(synthesized, 'eu-west-1');
    expect(existsSync(join(directory, 'index.js'))).toBe(true);
    const shipped = shippedMonitor(directory);
    expect(shipped.formatVersion).toBe(monitorFormatVersion);
    expect(shipped.monitor.checks).toHaveLength(10_000);
    expect(shipped.monitor.checks[9_999]).toMatchObject({ id: 'orders-api-9999', intervalMs: 60_000 });
    // One staged file per distinct monitor: every check is in every region, so all five functions share one.
    expect(readdirSync(join(outdir, stagedMonitorFolder))).toHaveLength(1);
  }, 300_000);
});
