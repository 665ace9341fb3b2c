/**
 * The probe engine benchmark: Lookout's engine against blackbox_exporter on loopback targets.
 * `npm run bench` writes bench/RESULTS.md; `npm run bench -- --quick` tries the harness in seconds
 * (writes bench/.work/RESULTS-quick.md). `npm run bench -- bundle` measures the Lambda handler bundles instead
 * (bench/bundle-bench.ts, its own section of RESULTS.md); `npm run bench -- probe-scale` the probe function at
 * 1,000 checks and with sub-minute rounds (bench/probe-scale.ts, its own section).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAccuracy } from './accuracy';
import type { BenchEngine } from './bench-engine';
import { blackboxEngine } from './blackbox-engine';
import { findBlackboxExporter, startBlackbox, writeBlackboxConfig } from './blackbox-process';
import { runBundleBench } from './bundle-bench';
import { createBenchCertificates } from './certificates';
import { exitAfter, runToCompletion } from './cleanup';
import { lookoutEngine } from './lookout-engine';
import { describeMachine } from './machine';
import { runProbeScaleBench } from './probe-scale';
import { accuracyTable, type BenchReport, phaseTable, renderResults, throughputTable } from './report';
import { extractSection } from './results-sections';
import { startTargets } from './target-process';
import { runThroughput, warmUp } from './throughput';
import type { BenchSize } from './workloads';

const benchDir = new URL('.', import.meta.url).pathname;
const workDir = join(benchDir, '.work');
const deadlineMs = 20 * 60_000;

function log(line: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const size: BenchSize = process.argv.includes('--quick') ? 'quick' : 'full';
  exitAfter(deadlineMs);
  const startedAt = new Date();
  const machine = describeMachine();
  log(`machine: ${machine.processors} × ${machine.cpuModel}, Node ${machine.nodeVersion}, size ${size}`);

  const certificates = await createBenchCertificates(workDir);
  const targets = await startTargets(certificates);
  log(`targets: ${targets.httpOrigin} and ${targets.httpsOrigin} (pid ${targets.pid})`);

  const engines: BenchEngine[] = [lookoutEngine(certificates.caPem)];

  let blackbox: BenchReport['blackbox'];
  const blackboxPath = findBlackboxExporter();
  if (blackboxPath) {
    const exporter = await startBlackbox(
      blackboxPath,
      writeBlackboxConfig(workDir, certificates.caPath),
      workDir,
    );
    log(`blackbox_exporter ${exporter.version} at ${exporter.origin} (pid ${exporter.pid})`);
    engines.push(blackboxEngine(exporter));
    blackbox = { version: exporter.version };
  } else {
    blackbox = { missingReason: 'prometheus-blackbox-exporter is not on PATH' };
    log('prometheus-blackbox-exporter is not on PATH: running Lookout only, with no comparison.');
  }

  log('warm-up');
  await warmUp(engines, targets, size);
  const accuracy = await runAccuracy(engines, targets, size, log);
  const throughput = await runThroughput(engines, targets, size, log);

  const report: BenchReport = {
    command: size === 'full' ? 'npm run bench' : 'npm run bench -- --quick',
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine,
    blackbox,
    accuracy,
    throughput,
  };
  console.log(`\nLatency overhead (ms): reported total − injected delay\n${accuracyTable(accuracy)}`);
  console.log(`\nPhases at the 0 ms target (median, ms)\n${phaseTable(accuracy)}`);
  console.log(`\nThroughput and CPU\n${throughputTable(throughput)}\n`);
  const resultsPath = size === 'full' ? join(benchDir, 'RESULTS.md') : join(workDir, 'RESULTS-quick.md');
  // Keep the sections other entry points wrote (the handler bundles, the probe function at scale).
  const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const kept = ['bundle-bench', 'probe-scale'].flatMap((name) => extractSection(previous, name) ?? []);
  const results = renderResults(report);
  writeFileSync(resultsPath, kept.length > 0 ? `${[results.trimEnd(), ...kept].join('\n\n')}\n` : results);
  log(`wrote ${resultsPath}`);
}

const entry = process.argv.includes('bundle')
  ? runBundleBench
  : process.argv.includes('probe-scale')
    ? runProbeScaleBench
    : main;
runToCompletion(entry);
