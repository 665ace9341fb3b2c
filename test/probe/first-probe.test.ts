import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCertificates } from '../support/certificates';
import { closeAfterEach } from '../support/close-after-each';
import { startHttpServer } from '../support/servers';
import type { ProbeTimings } from './first-probe-child';

const started = closeAfterEach();

/** The phases whose first reading must match a warm one: where Lookout's own first-time work used to land. */
const phases = ['connectMs', 'tlsMs', 'ttfbMs'] as const;
type Phase = (typeof phases)[number];

/** How far the first probe may read above the warm median, per phase. */
const allowedMs = 1;
/** Fresh processes per measurement: the median of their first-probe excess is what is judged. */
const processesPerMeasurement = 5;
/** Warm probes per process, after the first. */
const warmProbes = 15;
/**
 * Measurements before giving up. The machine is small and shared: a burst of other work during one measurement can
 * push a median over; a first probe that carries the engine's own warm-up work is over in every measurement.
 */
const measurements = 3;

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The project's pinned Node (as bin/lookout.js runs on), else the one running the tests. */
const nodeBinary = existsSync(join(repositoryRoot, 'node_modules/.bin/node'))
  ? join(repositoryRoot, 'node_modules/.bin/node')
  : process.execPath;

let workDir: string;
let bundlePath: string;
let caPath: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lookout-first-probe-'));
  bundlePath = join(workDir, 'first-probe-child.cjs');
  // Bundled as the Lambda handlers are (one CommonJS file, no TypeScript loader at run time).
  await build({
    entryPoints: [fileURLToPath(new URL('./first-probe-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    outfile: bundlePath,
    logLevel: 'warning',
  });
  caPath = join(workDir, 'ca.pem');
  await writeFile(caPath, (await testCertificates()).ca.certPem);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function runFreshProcess(url: string, withCa: boolean): Promise<ProbeTimings[]> {
  const args = [bundlePath, url, String(warmProbes), ...(withCa ? [caPath] : [])];
  return new Promise((resolve, reject) => {
    execFile(nodeBinary, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the probing process failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as ProbeTimings[]);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** For each phase: the median over fresh processes of (first probe − that process's warm median), ms. */
async function measureFirstProbeExcess(url: string, withCa: boolean): Promise<Record<Phase, number>> {
  const excess: Record<Phase, number[]> = { connectMs: [], tlsMs: [], ttfbMs: [] };
  for (let index = 0; index < processesPerMeasurement; index++) {
    const [first, ...warm] = await runFreshProcess(url, withCa);
    for (const probe of [first, ...warm]) expect(probe?.error).toBeUndefined();
    if (!first) throw new Error('the probing process printed no probe');
    for (const phase of phases) {
      excess[phase].push(first[phase] - median(warm.map((probe) => probe[phase])));
    }
  }
  return {
    connectMs: median(excess.connectMs),
    tlsMs: median(excess.tlsMs),
    ttfbMs: median(excess.ttfbMs),
  };
}

async function firstProbeExcessWithinAllowance(url: string, withCa: boolean): Promise<Record<Phase, number>> {
  let excess = await measureFirstProbeExcess(url, withCa);
  for (let retry = 1; retry < measurements; retry++) {
    if (phases.every((phase) => excess[phase] <= allowedMs)) break;
    excess = await measureFirstProbeExcess(url, withCa);
  }
  return excess;
}

function expectWithinAllowance(excess: Record<Phase, number>): void {
  const over = phases.filter((phase) => excess[phase] > allowedMs);
  expect(over, `first probe − warm median, ms: ${JSON.stringify(excess)}`).toEqual([]);
}

describe('the first probe in a fresh process', () => {
  it('reads its HTTP phases within 1 ms of warm probes to the same target', {
    timeout: 180_000,
  }, async () => {
    const server = await started(startHttpServer());

    const excess = await firstProbeExcessWithinAllowance(`${server.url}/`, false);

    expectWithinAllowance(excess);
  });

  it('reads its HTTPS phases, with a custom CA, within 1 ms of warm probes to the same target', {
    timeout: 180_000,
  }, async () => {
    const certificates = await testCertificates();
    const server = await started(startHttpServer({ tls: certificates.valid }));

    const excess = await firstProbeExcessWithinAllowance(`${server.url}/`, true);

    expectWithinAllowance(excess);
  });
});
