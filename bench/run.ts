/**
 * The probe engine benchmark: Lookout's engine against blackbox_exporter on loopback targets.
 * `npm run bench` writes bench/RESULTS.md; `npm run bench -- --quick` tries the harness in seconds
 * (writes bench/.work/RESULTS-quick.md). `npm run bench -- bundle` measures the Lambda handler bundles instead
 * (bench/bundle-bench.ts, its own section of RESULTS.md); `npm run bench -- probe-scale` the probe function at
 * 1,000 checks and with sub-minute rounds (bench/probe-scale.ts, its own section); `npm run bench -- cost`
 * (or `npm run bench:cost`) the cost estimate against the real handlers (bench/cost-check.ts), and
 * `npm run bench -- scale` (or `npm run bench:scale`) synth, sweep and evaluate at 10,000 checks (bench/scale.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAccuracy } from './accuracy';
import type { BenchEngine } from './bench-engine';
import { benchDir, workDir } from './bench-paths';
import { ensureBlackboxExporter, startBlackbox, writeBlackboxConfig } from './blackbox-process';
import { runBundleBench } from './bundle-bench';
import { createBenchCertificates } from './certificates';
import { exitAfter, onExitStop, runToCompletion } from './cleanup';
import { runCostCheckBench } from './cost-check';
import { type FreshEngine, runFirstProbe } from './first-probe';
import { bundleLookoutProbeServer, startLookout } from './lookout-process';
import { describeMachine, loadAverageNow } from './machine';
import { raisePriority } from './priority';
import { probeEndpointEngine } from './probe-endpoint-engine';
import { runProbeScaleBench } from './probe-scale';
import {
  accuracyTable,
  type BenchReport,
  concurrencyTable,
  firstProbeTable,
  ours,
  phaseTable,
  renderResults,
  theirs,
  throughputTable,
} from './report';
import { extractSections } from './results-sections';
import { runScaleBench } from './scale';
import { startTargets } from './target-process';
import { runThroughput, warmUp } from './throughput';
import type { BenchSize } from './workloads';

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

  // This run's own files: other benches (probe-scale, storage) share bench/.work and write certificates there.
  mkdirSync(workDir, { recursive: true });
  const runDir = mkdtempSync(join(workDir, 'engine-'));
  onExitStop(() => rmSync(runDir, { recursive: true, force: true }));
  const certificates = await createBenchCertificates(runDir);
  const targets = await startTargets(certificates);
  log(`targets: ${targets.httpOrigin} and ${targets.httpsOrigin} (pid ${targets.pid})`);
  const prioritized = [process.pid, targets.pid].every((pid) => raisePriority(pid));

  const lookoutBundle = await bundleLookoutProbeServer(runDir);
  const startLookoutRaised = async () => {
    const started = await startLookout(lookoutBundle, certificates.caPath);
    raisePriority(started.pid);
    return started;
  };
  const lookout = await startLookoutRaised();
  log(`Lookout /probe at ${lookout.origin} (pid ${lookout.pid})`);
  const engines: BenchEngine[] = [probeEndpointEngine(ours, lookout)];
  const freshEngines: FreshEngine[] = [{ name: ours, start: startLookoutRaised }];

  let blackbox: BenchReport['blackbox'];
  const blackboxPath = ensureBlackboxExporter(log);
  if (blackboxPath) {
    const configPath = writeBlackboxConfig(runDir, certificates.caPath);
    const startBlackboxRaised = async () => {
      const started = await startBlackbox(blackboxPath, configPath, runDir);
      raisePriority(started.pid);
      return started;
    };
    const exporter = await startBlackboxRaised();
    log(`blackbox_exporter ${exporter.version} at ${exporter.origin} (pid ${exporter.pid})`);
    engines.push(probeEndpointEngine(theirs, exporter));
    freshEngines.push({ name: theirs, start: startBlackboxRaised });
    blackbox = { version: exporter.version };
  } else {
    blackbox = { missingReason: 'prometheus-blackbox-exporter is not installed and could not be installed' };
    log('prometheus-blackbox-exporter is missing: running Lookout only, with no comparison.');
  }

  log('warm-up');
  await warmUp(engines, targets, size);
  const accuracy = await runAccuracy(engines, targets, size, log);
  const throughput = await runThroughput(engines, targets, size, log);
  const firstProbe = await runFirstProbe(freshEngines, targets, size, log);
  machine.loadAverageAtEnd = loadAverageNow();

  const report: BenchReport = {
    command: size === 'full' ? 'npm run bench' : 'npm run bench -- --quick',
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: { ...machine, raisedPriority: prioritized },
    blackbox,
    accuracy,
    throughput,
    firstProbe,
  };
  console.log(`\nLatency overhead (ms): reported total − injected delay\n${accuracyTable(accuracy)}`);
  console.log(`\nPhases at the 0 ms target (median, ms)\n${phaseTable(accuracy)}`);
  console.log(`\nOverhead under concurrency (ms)\n${concurrencyTable(throughput)}`);
  console.log(`\nFirst probe in a fresh process (ms)\n${firstProbeTable(firstProbe)}`);
  console.log(`\nThroughput and CPU\n${throughputTable(throughput)}\n`);
  const resultsPath = size === 'full' ? join(benchDir, 'RESULTS.md') : join(workDir, 'RESULTS-quick.md');
  // Keep the sections other entry points wrote (the handler bundles, the probe function at scale, ...), read
  // again now: another bench may have written its section while this one ran.
  const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const kept = extractSections(previous);
  const results = renderResults(report);
  writeFileSync(resultsPath, kept.length > 0 ? `${[results.trimEnd(), ...kept].join('\n\n')}\n` : results);
  log(`wrote ${resultsPath}`);
}

const entry = process.argv.includes('bundle')
  ? runBundleBench
  : process.argv.includes('probe-scale')
    ? runProbeScaleBench
    : process.argv.includes('cost')
      ? runCostCheckBench
      : process.argv.includes('scale')
        ? runScaleBench
        : main;
runToCompletion(entry);
