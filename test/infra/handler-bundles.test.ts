import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { type HandlerName, handlerEsbuildOptions } from '../../infra/handler-bundling';

const outdir = mkdtempSync(join(tmpdir(), 'lookout-bundles-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The npm packages in a handler's bundle, from esbuild's metafile. */
async function bundleOf(name: HandlerName): Promise<{ packages: Set<string> }> {
  const result = await esbuild.build({
    ...handlerEsbuildOptions(name),
    outfile: join(outdir, name, 'index.js'),
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const packages = new Set(
    Object.keys(result.metafile.inputs).flatMap((path) => {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      return match?.[1] === undefined ? [] : [match[1]];
    }),
  );
  return { packages };
}

describe('the handler bundles', () => {
  it('leave validation (zod) and the JSONPath parser out of evaluate and sweep: the monitor was validated at synth', async () => {
    for (const name of ['evaluate', 'sweep'] as const) {
      const { packages } = await bundleOf(name);
      expect(
        [...packages].filter((name) => ['zod', 'jsonpath-rfc9535'].includes(name)),
        name,
      ).toEqual([]);
    }
  });

  it('leave zod out of the probe (it keeps JSONPath, to judge JSON body assertions)', async () => {
    const { packages } = await bundleOf('probe');
    expect(packages.has('zod')).toBe(false);
  });
});
