import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretEnvVarName } from '../../functions/adapters/secrets/local-secret-resolver';
import { monitorFormatVersion } from '../../functions/core/contract/monitor-format';
import type { ResolvedMonitor } from '../../functions/core/resolve/resolved-monitor';
import { defined } from './defined';
import { secretValues, threeRegionMonitor } from './infra-monitors';
import { synthLookout } from './synth-lookout';

let outdir: string;
const savedEnv: Record<string, string | undefined> = {};

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function bundleDirectories(): string[] {
  return readdirSync(outdir)
    .filter((name) => name.startsWith('asset.'))
    .map((name) => join(outdir, name))
    .filter((path) => existsSync(join(path, 'index.js')));
}

beforeAll(() => {
  // Where `lookout check` would read the secrets on this machine: if synth ever resolved them, they would leak.
  for (const [ref, value] of Object.entries(secretValues)) {
    const name = secretEnvVarName(ref);
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  outdir = mkdtempSync(join(tmpdir(), 'lookout-synth-'));
  // The one synth in the tests that bundles for real: one probe stack.
  synthLookout({ monitor: threeRegionMonitor(), outdir, bundlingStacks: ['Lookout/Probe-eu-west-1'] });
}, 120_000);

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('the synthesized output', () => {
  it("bundles the probe handler: minified CommonJS, a source map without sources, and the region's monitor beside it as monitor.json", () => {
    const bundles = bundleDirectories();
    expect(bundles).toHaveLength(1);
    const bundle = defined(bundles[0], 'a bundle');
    const code = readFileSync(join(bundle, 'index.js'), 'utf8');
    expect(code.startsWith('"use strict";')).toBe(true);
    expect(code).toContain('module.exports');
    expect(code).not.toContain('loadBundledMonitor');
    // The monitor is data beside the code, not compiled in.
    expect(code).not.toContain('/lookout/orders-token');
    const shipped = JSON.parse(readFileSync(join(bundle, 'monitor.json'), 'utf8')) as {
      formatVersion: number;
      monitor: ResolvedMonitor;
    };
    expect(shipped.formatVersion).toBe(monitorFormatVersion);
    // Only eu-west-1's checks: `legacy` is placed in ap-southeast-2 only.
    expect(shipped.monitor.checks.map((check) => check.id)).toEqual(['api', 'partner', 'redis', 'www-cert']);
    const monitorText = JSON.stringify(shipped);
    expect(monitorText).toContain('/lookout/orders-token');
    expect(monitorText).toContain('secretsmanager:prod/partner-key');
    expect(monitorText).not.toContain('legacy.example.com');
    const map = JSON.parse(readFileSync(join(bundle, 'index.js.map'), 'utf8')) as {
      sourcesContent?: unknown;
    };
    expect(map.sourcesContent).toBeUndefined();
  });

  it('contains no secret value anywhere: templates, manifests, assets, bundles', () => {
    const files = filesUnder(outdir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const content = readFileSync(file, 'latin1');
      for (const value of Object.values(secretValues)) expect(content.includes(value), file).toBe(false);
    }
  });

  it('loads in Node.js as CommonJS, as Lambda loads it, reading its monitor.json, with no AWS SDK package loaded at import', () => {
    const bundle = join(defined(bundleDirectories()[0], 'a bundle'), 'index.js');
    const result = spawnSync(
      process.execPath,
      [
        '--enable-source-maps',
        '-e',
        [
          'const m = require(process.argv[1]);',
          'if (typeof m.handler !== "function") process.exit(3);',
          'if (Object.keys(require.cache).some((path) => path.includes("@aws-sdk"))) process.exit(4);',
        ].join(' '),
        bundle,
      ],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          // Lambda puts its runtime's node_modules (with the AWS SDK v3) on NODE_PATH; here, the project's.
          NODE_PATH: fileURLToPath(new URL('../../node_modules', import.meta.url)),
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          LOOKOUT_TABLE_NAME: 'lookout-results',
          LOOKOUT_HOME_REGION: 'us-east-1',
        },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
