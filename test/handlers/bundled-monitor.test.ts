import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundledMonitor,
  bundledMonitorFileName,
  monitorFormatVersion,
} from '../../functions/core/contract/monitor-format';
import { deployedMonitor } from '../../functions/core/resolve/monitor-variants';
import type { ResolvedMonitor } from '../../functions/core/resolve/resolved-monitor';
import { validateMonitor } from '../../functions/core/validate/validate-monitor';
import { loadBundledMonitor } from '../../functions/handlers/bundled-monitor';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function resolved(): ResolvedMonitor {
  const validation = validateMonitor({
    homeRegion: 'us-east-1',
    regions: ['us-east-1', 'eu-west-1'],
    checks: [
      { kind: 'http', id: 'orders-api', url: 'https://api.example.com/health' },
      { kind: 'tcp', id: 'cache', host: 'cache.example.com', port: 6379 },
    ],
  });
  if (!validation.ok) throw new Error('invalid fixture');
  return deployedMonitor(validation.monitor);
}

/** A bundle directory holding `monitor.json` with this text. */
function bundleWith(text: string | undefined): string {
  const directory = mkdtempSync(join(tmpdir(), 'lookout-bundle-'));
  directories.push(directory);
  if (text !== undefined) writeFileSync(join(directory, bundledMonitorFileName), text);
  return directory;
}

describe('the bundled monitor', () => {
  it('is read from monitor.json beside the bundle, as infra wrote it', () => {
    const monitor = resolved();
    expect(loadBundledMonitor(bundleWith(JSON.stringify(bundledMonitor(monitor))))).toEqual(monitor);
  });

  it('fails at cold start, naming the file, when it is missing or not JSON', () => {
    expect(() => loadBundledMonitor(bundleWith(undefined))).toThrow(
      /no monitor in this bundle: .*monitor\.json/,
    );
    expect(() => loadBundledMonitor(bundleWith('{"formatVersion":'))).toThrow(/monitor\.json is not JSON/);
  });

  it('fails when the file was written for another format version, naming both', () => {
    const file = { ...bundledMonitor(resolved()), formatVersion: monitorFormatVersion + 1 };
    expect(() => loadBundledMonitor(bundleWith(JSON.stringify(file)))).toThrow(
      new RegExp(
        `format ${monitorFormatVersion + 1}, and this function reads format ${monitorFormatVersion}`,
      ),
    );
    expect(() => loadBundledMonitor(bundleWith(JSON.stringify({ checks: [] })))).toThrow(/no formatVersion/);
  });

  it('checks the shape (not the rules: those ran at synth), listing the first fields that are wrong', () => {
    const monitor = resolved();
    const broken = {
      ...monitor,
      regions: 'us-east-1',
      checks: [{ ...monitor.checks[0], intervalMs: '60s' }, ...Array.from({ length: 9 }, () => ({ id: 7 }))],
    };
    const load = () =>
      loadBundledMonitor(
        bundleWith(JSON.stringify({ formatVersion: monitorFormatVersion, monitor: broken })),
      );
    expect(load).toThrow(
      /monitor\.regions is not a string\[\]; monitor\.checks\[0\]\.intervalMs is not a number/,
    );
    expect(load).toThrow(/and \d+ more/);
  });
});
