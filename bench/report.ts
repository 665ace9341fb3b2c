import { type AccuracyCell, accuracyDelaysMs, fullProbesByDelayMs } from './accuracy';
import type { FirstProbeCell } from './first-probe';
import type { MachineInfo } from './machine';
import { formatNumber, formatRatio, markdownTable } from './markdown-table';
import { median, type QuantileDifference, quantileDifference } from './stats';
import type { ThroughputCell } from './throughput';

/** The engine names the tables compare. */
export const ours = 'lookout';
export const theirs = 'blackbox_exporter';

/** Everything RESULTS.md reports. */
export interface BenchReport {
  command: string;
  startedAt: Date;
  durationSeconds: number;
  machine: MachineInfo;
  /** The exporter's version, or why it did not run. */
  blackbox: { version: string } | { missingReason: string };
  accuracy: AccuracyCell[];
  throughput: ThroughputCell[];
  firstProbe: FirstProbeCell[];
}

const ms = (value: number | undefined) => formatNumber(value, 2);

/** The latency-overhead table: reported total minus injected delay. */
export function accuracyTable(cells: readonly AccuracyCell[]): string {
  const headers = [
    'protocol',
    'delay ms',
    'ok (ours / its)',
    'ours median',
    'ours p95',
    'ours max',
    'its median',
    'its p95',
    'its max',
    'its phase-sum median',
    'median ratio ours/its',
    'ours wall median',
    'target overshoot median',
  ];
  const rows = cells.map((cell) => {
    const mine = cell.engines.get(ours);
    const other = cell.engines.get(theirs);
    const okCount = (figures: typeof mine) =>
      figures ? `${figures.samples.length - figures.failures}/${figures.samples.length}` : '—';
    return [
      cell.protocol,
      String(cell.delayMs),
      `${okCount(mine)} / ${okCount(other)}`,
      ms(mine?.overheadMs.median),
      ms(mine?.overheadMs.p95),
      ms(mine?.overheadMs.max),
      ms(other?.overheadMs.median),
      ms(other?.overheadMs.p95),
      ms(other?.overheadMs.max),
      ms(other?.phaseSumOverheadMs.median),
      formatRatio(mine?.overheadMs.median, other?.overheadMs.median),
      ms(mine?.wallOverheadMs.median),
      ms(cell.targetOvershootMs.median),
    ];
  });
  return markdownTable(headers, rows, 2);
}

/** Median phases of each engine at the 0 ms target. */
export function phaseTable(cells: readonly AccuracyCell[]): string {
  const headers = [
    'protocol',
    'engine',
    'dns',
    'connect',
    'tls',
    'ttfb',
    'transfer',
    'phase sum',
    'total',
    'total − sum',
  ];
  const rows: string[][] = [];
  for (const cell of cells.filter((candidate) => candidate.delayMs === 0)) {
    for (const [name, figures] of cell.engines) {
      const okSamples = figures.samples.filter((sample) => sample.ok);
      const phaseMedian = (pick: (phases: (typeof okSamples)[number]['phases']) => number) =>
        ms(median(okSamples.map((sample) => pick(sample.phases))));
      rows.push([
        cell.protocol,
        name,
        phaseMedian((phases) => phases.dnsMs),
        phaseMedian((phases) => phases.connectMs),
        phaseMedian((phases) => phases.tlsMs),
        phaseMedian((phases) => phases.ttfbMs),
        phaseMedian((phases) => phases.transferMs),
        ms(median(okSamples.map((sample) => sample.phaseSumMs))),
        ms(median(okSamples.map((sample) => sample.totalMs))),
        ms(median(okSamples.map((sample) => sample.totalMs - sample.phaseSumMs))),
      ]);
    }
  }
  return markdownTable(headers, rows, 2);
}

/** The throughput and CPU table. */
export function throughputTable(cells: readonly ThroughputCell[]): string {
  const headers = [
    'protocol',
    'delay ms',
    'concurrency',
    'probes',
    'ours probes/s',
    'its probes/s',
    'ratio ours/its',
    'ours CPU s/1000',
    'its CPU s/1000',
    'ratio ours/its',
    'failed (ours / its)',
    'conn/req (ours / its)',
  ];
  const rows = cells.map((cell) => {
    const mine = cell.engines.get(ours);
    const other = cell.engines.get(theirs);
    return [
      cell.protocol,
      String(cell.delayMs),
      String(cell.concurrency),
      String(mine?.probes ?? other?.probes ?? '—'),
      formatNumber(mine?.probesPerSecond, 0),
      formatNumber(other?.probesPerSecond, 0),
      formatRatio(mine?.probesPerSecond, other?.probesPerSecond),
      formatNumber(mine?.cpuSecondsPer1000, 3),
      formatNumber(other?.cpuSecondsPer1000, 3),
      formatRatio(mine?.cpuSecondsPer1000, other?.cpuSecondsPer1000),
      `${mine?.failures ?? '—'} / ${other?.failures ?? '—'}`,
      `${formatNumber(mine?.connectionsPerRequest, 2)} / ${formatNumber(other?.connectionsPerRequest, 2)}`,
    ];
  });
  return markdownTable(headers, rows, 3);
}

/** The concurrencies the issue names: overhead is held to blackbox_exporter's at each. */
const comparedConcurrencies = [1, 50, 200];

/** Reported overhead under concurrency: both engines' median and p95, the TLS phase, Lookout's loop delay. */
export function concurrencyTable(cells: readonly ThroughputCell[]): string {
  const headers = [
    'protocol',
    'delay ms',
    'in flight',
    'ours median',
    'ours p95',
    'its median',
    'its p95',
    'ours tls median',
    'its tls median',
    'ours loop delay p95',
    'ours probes/s',
    'its probes/s',
    'ours ≤ its',
  ];
  const rows = cells.map((cell) => {
    const mine = cell.engines.get(ours);
    const other = cell.engines.get(theirs);
    return [
      cell.protocol,
      String(cell.delayMs),
      String(cell.concurrency),
      ms(mine?.overheadMs.median),
      ms(mine?.overheadMs.p95),
      ms(other?.overheadMs.median),
      ms(other?.overheadMs.p95),
      ms(mine?.tlsMs.median),
      ms(other?.tlsMs.median),
      ms(mine?.eventLoopDelayMs.p95),
      formatNumber(mine?.probesPerSecond, 0),
      formatNumber(other?.probesPerSecond, 0),
      atMost(mine, other),
    ];
  });
  return markdownTable(headers, rows, 3);
}

/** The figures a comparison reads: the summary and the samples behind it. */
interface Overheads {
  overheadMs: { median: number; p95: number };
  overheadSamplesMs: readonly number[];
}

/** How ours compares with its at one quantile. */
interface QuantileVerdict {
  quantile: 'median' | 'p95';
  comparison: QuantileDifference;
  /** `at most`: ours ≤ its; `within noise`: ours > its but the 95 % interval holds 0; `over`: measurably over. */
  reading: 'at most' | 'within noise' | 'over';
}

function compareOverheads(mine: Overheads | undefined, other: Overheads | undefined): QuantileVerdict[] {
  if (!mine || !other || !Number.isFinite(other.overheadMs.median)) return [];
  return (['median', 'p95'] as const).map((quantile) => {
    const comparison = quantileDifference(
      mine.overheadSamplesMs,
      other.overheadSamplesMs,
      quantile === 'median' ? 0.5 : 0.95,
    );
    const reading = comparison.difference <= 0 ? 'at most' : comparison.low > 0 ? 'over' : 'within noise';
    return { quantile, comparison, reading };
  });
}

/** `yes` when ours is at most its at the median and at p95, else what is over and how surely; `—` without both. */
function atMost(mine: Overheads | undefined, other: Overheads | undefined): string {
  const verdicts = compareOverheads(mine, other);
  if (verdicts.length === 0) return '—';
  const over = verdicts.filter((verdict) => verdict.reading === 'over').map((verdict) => verdict.quantile);
  const noise = verdicts
    .filter((verdict) => verdict.reading === 'within noise')
    .map((verdict) => verdict.quantile);
  if (over.length > 0) return `no (${over.join(', ')})`;
  if (noise.length > 0) return `yes, within noise (${noise.join(', ')})`;
  return 'yes';
}

/** One verdict line: what is over, by how much, and the 95 % interval of the difference. */
function verdictLine(where: string, verdicts: readonly QuantileVerdict[]): string | undefined {
  const above = verdicts.filter((verdict) => verdict.reading !== 'at most');
  if (above.length === 0) return undefined;
  const parts = above.map(
    ({ quantile, comparison, reading }) =>
      `${quantile} +${ms(comparison.difference)} ms (95 % interval ${ms(comparison.low)} to ${ms(comparison.high)}: ${reading === 'over' ? 'measurably over' : "within the run's noise"})`,
  );
  return `- ${where}: above blackbox_exporter's ${parts.join('; ')}.`;
}

/** The first probe in a fresh process against the warm ones. */
export function firstProbeTable(cells: readonly FirstProbeCell[]): string {
  const headers = [
    'protocol',
    'engine',
    'processes',
    'total excess median',
    'total excess max',
    'tls excess median',
    'tls excess max',
    'ttfb excess median',
    'ttfb excess max',
    'wall excess median',
    'warm total median',
  ];
  const rows = cells.map((cell) => [
    cell.protocol,
    cell.engine,
    `${cell.processes}${cell.failures > 0 ? ` (${cell.failures} failed probes)` : ''}`,
    ms(cell.totalExcessMs.median),
    ms(cell.totalExcessMs.max),
    ms(cell.tlsExcessMs.median),
    ms(cell.tlsExcessMs.max),
    ms(cell.ttfbExcessMs.median),
    ms(cell.ttfbExcessMs.max),
    ms(cell.wallExcessMs.median),
    ms(cell.warmTotalMs),
  ]);
  return markdownTable(headers, rows, 2);
}

/**
 * Where ours is above its: sequential at every delay, and at 1, 50 and 200 in flight. Each difference comes with
 * its 95 % bootstrap interval: one whose interval holds 0 is within what the run can resolve (two runs of the same
 * engines differ that much), one above 0 is measurably over.
 */
export function verdictLines(report: BenchReport): string[] {
  const lines: string[] = [];
  let measurablyOver = 0;
  const add = (where: string, verdicts: readonly QuantileVerdict[]) => {
    const line = verdictLine(where, verdicts);
    if (line !== undefined) lines.push(line);
    measurablyOver += verdicts.filter((verdict) => verdict.reading === 'over').length;
  };
  for (const cell of report.accuracy) {
    add(
      `sequential ${cell.protocol} at ${cell.delayMs} ms`,
      compareOverheads(cell.engines.get(ours), cell.engines.get(theirs)),
    );
  }
  for (const cell of report.throughput.filter((candidate) =>
    comparedConcurrencies.includes(candidate.concurrency),
  )) {
    add(
      `${cell.concurrency} in flight, ${cell.protocol} at ${cell.delayMs} ms`,
      compareOverheads(cell.engines.get(ours), cell.engines.get(theirs)),
    );
  }
  const summary =
    measurablyOver === 0
      ? lines.length === 0
        ? "- Lookout reported at most blackbox_exporter's median and p95 overhead in every cell compared (sequential at every delay; 1, 50 and 200 in flight)."
        : "- Lookout is nowhere measurably over blackbox_exporter's median or p95 overhead (sequential at every delay; 1, 50 and 200 in flight). Where its figure is higher, listed below, the 95 % bootstrap interval of the difference holds 0: the run cannot tell it from its own noise."
      : `- Lookout is measurably over blackbox_exporter in ${measurablyOver} ${measurablyOver === 1 ? 'figure' : 'figures'}, listed below with the 95 % bootstrap interval of each difference.`;
  return [summary, ...lines];
}

function failureNotes(report: BenchReport): string[] {
  const notes: string[] = [];
  for (const cell of report.throughput) {
    for (const [name, figures] of cell.engines) {
      if (figures.failures === 0) continue;
      const where = `${cell.protocol} delay ${cell.delayMs} ms c=${cell.concurrency}`;
      notes.push(
        `- ${name}, ${where}: ${figures.failures} failed probes${figures.firstError ? ` (first: ${figures.firstError})` : ''}.`,
      );
    }
  }
  for (const cell of report.accuracy) {
    for (const [name, figures] of cell.engines) {
      const firstError = figures.samples.find((sample) => !sample.ok)?.error;
      if (figures.failures > 0) {
        notes.push(
          `- ${name}, accuracy ${cell.protocol} delay ${cell.delayMs} ms: ${figures.failures} failed probes${firstError ? ` (first: ${firstError})` : ''}.`,
        );
      }
    }
  }
  return notes;
}

/** RESULTS.md. */
export function renderResults(report: BenchReport): string {
  const { machine } = report;
  const blackboxLine =
    'version' in report.blackbox
      ? `blackbox_exporter ${report.blackbox.version}`
      : `blackbox_exporter not run: ${report.blackbox.missingReason}`;
  const notes = failureNotes(report);
  return [
    '# Probe engine benchmark',
    '',
    `Generated by \`${report.command}\` (bench/run.ts) on ${report.startedAt.toISOString()}, in ${Math.round(report.durationSeconds)} s. Regenerated by each run; do not edit.`,
    '',
    '## Machine',
    '',
    `- nproc: ${machine.processors}; CPU: ${machine.cpuModel}`,
    `- Node ${machine.nodeVersion} (source maps ${machine.sourceMapsEnabled ? 'on, as under tsx' : 'off'}); ${machine.opensslVersion}`,
    `- ${blackboxLine}`,
    `- 1-minute load average at start: ${machine.loadAverageAtStart.toFixed(2)}, at the end: ${machine.loadAverageAtEnd?.toFixed(2) ?? '—'} (other work on the machine skews the figures)${machine.raisedPriority ? '; the target, both engines and the load driver at nice −10' : ''}`,
    '',
    '## Method',
    '',
    '- Targets: an HTTP and an HTTPS server (Node, EC P-256 leaf signed by a throwaway CA made with `openssl`) on 127.0.0.1 in a separate child process; `GET /delay/<ms>` waits <ms> before the headers, then a 25-byte body.',
    '- Both engines are reached the same way, from the same load driver (this process, undici over keep-alive connections): `GET /probe?module=http|https&target=<url>` on 127.0.0.1, each engine in its own process. blackbox_exporter ("its"): Debian\'s `prometheus-blackbox-exporter` (the bench installs it with apt-get when missing), modules with `preferred_ip_protocol: ip4` and the test CA as `tls_config.ca_file`. Lookout ("ours"): bench/lookout-probe-server.ts, a blackbox-compatible `/probe` endpoint around `probeCheck` (a resolved HTTP check: status < 400, no retries, the test CA in `tls.ca`), bundled by esbuild and run with plain `node` as the probe Lambda runs its bundle, answering the same exposition (plus `probe_event_loop_delay_seconds`). CPU: utime + stime of each engine\'s process from /proc/<pid>/stat (10 ms ticks), serving `/probe` included.',
    '- Latency overhead = reported total − injected delay: ours `totalMs` against its `probe_duration_seconds` (both from before name resolution to the end of the body). "its phase-sum" sums `probe_http_duration_seconds{phase=...}` (resolve, connect, tls, processing, transfer), which leaves out the exporter\'s client setup. "ours wall" is the driver\'s clock around the `/probe` request (a check on `totalMs`). "target overshoot" is how much later than asked the target\'s timer fired (part of every engine\'s figure).',
    `- Sequential: ${accuracyDelaysMs.map((delayMs) => `${fullProbesByDelayMs[delayMs]} probes per engine at ${delayMs} ms`).join(', ')}, the two engines interleaved probe by probe, each first every other time. Concurrency: after a warm-up, each cell's probes are kept \`in flight\` at a time through the front door, the engines taking turns (a quarter of the cell each, alternating) so that other work on the machine falls on both alike. Ratios are ours ÷ its: below 1 is better for latency and CPU, above 1 is better for probes/s.`,
    "- Lookout starts a probe only while its event loop is busy less than half the time (functions/probe/admission.ts): waiting for that is Lookout's own, in no phase, so under load it shows as fewer probes/s rather than as the target's latency. \"ours loop delay\" is each result's `eventLoopDelayMs`: how late the process's event loop ran while the probe was in flight. Before this gate (one run of the same front doors on this machine, 2026-11-30, load average ~5, HTTPS, 50 ms target; median / p95 overhead, ms): 50 in flight, Lookout 18.4 / 46.2 at 553 probes/s, with the gate 1.9 / 4.1 at 251 probes/s, blackbox_exporter 29.5 / 106.2 at 461 probes/s; 200 in flight, 100.9 / 185.9 at 700 probes/s, with the gate 2.8 / 10.4 at 261 probes/s, blackbox_exporter 159.6 / 335.8 at 525 probes/s. The gate trades probes/s for honest figures; on Lambda, memory buys CPU back up to one full vCPU (1,769 MB), which is all one thread can use.",
    '- First probe: fresh engine processes (7 per engine and protocol), each probing the 0 ms target once and then 20 times; "excess" is the first probe\'s figure minus that process\'s warm median, summarized over the processes. "wall excess" is the driver\'s clock: for Lookout it includes the engine\'s warm-up before its first probe (functions/probe/warm-up.ts), which no reported figure includes.',
    '- conn/req: TCP connections the target accepted per request answered (1.00 = a new connection per probe, as both engines should do).',
    '- Where the engine spends its CPU: `npx tsx bench/profile.ts https 2000 10` (V8 sampling profile of a batch in one process, top functions and files).',
    '',
    '## Verdicts',
    '',
    ...verdictLines(report),
    '',
    '## Latency overhead, sequential (ms): reported total − injected delay',
    '',
    accuracyTable(report.accuracy),
    '',
    '## Phases at the 0 ms target (median, ms)',
    '',
    phaseTable(report.accuracy),
    '',
    '## Overhead under concurrency (ms): reported total − injected delay',
    '',
    concurrencyTable(report.throughput),
    '',
    '## First probe in a fresh process (ms)',
    '',
    firstProbeTable(report.firstProbe),
    '',
    '## Throughput and CPU',
    '',
    throughputTable(report.throughput),
    '',
    ...(notes.length > 0 ? ['## Failures', '', ...notes, ''] : []),
  ].join('\n');
}
