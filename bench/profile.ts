/**
 * Where Lookout's engine spends its CPU: runs a batch of probes against the loopback targets under the V8
 * sampling profiler (node:inspector) and prints the functions and files with the most self time.
 * Usage: npx tsx bench/profile.ts [http|https] [probes] [concurrency] [delayMs]
 * Writes the raw profile to bench/.work/engine.cpuprofile (open it in Chrome DevTools).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { TargetProtocol } from './bench-engine';
import { workDir } from './bench-paths';
import { createBenchCertificates } from './certificates';
import { exitAfter, runToCompletion } from './cleanup';
import { lookoutEngine } from './lookout-engine';
import { markdownTable } from './markdown-table';
import { startTargets } from './target-process';
import { targetUrl } from './workloads';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const topCount = 25;

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const nodeModules = url.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return url.slice(nodeModules + 'node_modules/'.length);
  const repo = url.indexOf('/work/main/');
  return repo >= 0 ? url.slice(repo + '/work/main/'.length) : url.replace(/^node:/, 'node:');
}

/** Self time (ms) by key, from a profile's samples. */
function selfTimeBy(profile: CpuProfile, keyOf: (node: ProfileNode) => string): Map<string, number> {
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((nodeId, index) => {
    const node = nodesById.get(nodeId);
    if (!node) return;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return totals;
}

function topTable(totals: Map<string, number>, label: string, probes: number): string {
  const all = [...totals.values()].reduce((sum, value) => sum + value, 0);
  const rows = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([key, ms]) => [
      key,
      ms.toFixed(1),
      `${((ms / all) * 100).toFixed(1)}%`,
      ((ms / probes) * 1000).toFixed(1),
    ]);
  return markdownTable([label, 'self ms', 'share', 'µs per probe'], rows);
}

async function main(): Promise<void> {
  const protocol = (process.argv[2] ?? 'https') as TargetProtocol;
  const probes = Number(process.argv[3] ?? 2000);
  const concurrency = Number(process.argv[4] ?? 10);
  const delayMs = Number(process.argv[5] ?? 0);
  exitAfter(5 * 60_000);
  const certificates = await createBenchCertificates(workDir);
  const targets = await startTargets(certificates);
  const engine = lookoutEngine(certificates.caPem);
  const url = targetUrl(targets, protocol, delayMs);
  await engine.runBatch(url, protocol, 300, concurrency);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const outcome = await engine.runBatch(url, protocol, probes, concurrency);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
  session.disconnect();

  const profilePath = join(workDir, 'engine.cpuprofile');
  writeFileSync(profilePath, JSON.stringify(profile));
  const failures = outcome.samples.filter((sample) => !sample.ok).length;
  console.log(
    `${probes} ${protocol} probes at c=${concurrency}, delay ${delayMs} ms: ${(probes / (outcome.wallMs / 1000)).toFixed(0)} probes/s, ` +
      `${((outcome.cpuSeconds / probes) * 1e6).toFixed(0)} µs CPU per probe (under the profiler), ${failures} failed`,
  );
  const byFunction = selfTimeBy(
    profile,
    (node) =>
      `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`,
  );
  console.log(`\nTop functions by self time\n${topTable(byFunction, 'function', probes)}`);
  console.log(
    `\nSelf time by file\n${topTable(
      selfTimeBy(profile, (node) => shortUrl(node.callFrame.url)),
      'file',
      probes,
    )}`,
  );
  console.log(`\nraw profile: ${profilePath}`);
}

runToCompletion(main);
