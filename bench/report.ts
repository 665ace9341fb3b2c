import type { AccuracyCell } from './accuracy';
import type { MachineInfo } from './machine';
import { formatNumber, formatRatio, markdownTable } from './markdown-table';
import { median } from './stats';
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
  /** Why Lookout's engine did not run, when it did not. */
  accuracy: AccuracyCell[];
  throughput: ThroughputCell[];
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
    `- 1-minute load average at start: ${machine.loadAverageAtStart.toFixed(2)} (other work on the machine skews the figures)`,
    '',
    '## Method',
    '',
    '- Targets: an HTTP and an HTTPS server (Node, EC P-256 leaf signed by a throwaway CA made with `openssl`) on 127.0.0.1 in a separate child process; `GET /delay/<ms>` waits <ms> before the headers, then a 25-byte body.',
    '- Lookout ("ours"): `probeCheck` (accuracy) and `runChecks` (throughput) in the bench process, on hand-built resolved HTTP checks (status < 400, no retries, the test CA in `tls.ca`). CPU: `process.cpuUsage()` delta of the bench process.',
    '- blackbox_exporter ("its"): the same targets through `GET /probe?module=http|https&target=<url>` on 127.0.0.1 (modules: `preferred_ip_protocol: ip4`, the test CA as `tls_config.ca_file`). CPU: utime + stime of the exporter from /proc/<pid>/stat (10 ms ticks). Its probes/s include the bench → exporter HTTP round trip (keep-alive); its CPU includes serving `/probe`.',
    '- Latency overhead = reported total − injected delay: ours `totalMs` against its `probe_duration_seconds` (both from before name resolution to the end of the body). "its phase-sum" sums `probe_http_duration_seconds{phase=...}` (resolve, connect, tls, processing, transfer), which leaves out the exporter\'s client setup. "ours wall" is the bench\'s own clock around `probeCheck` (a check on `totalMs`). "target overshoot" is how much later than asked the target\'s timer fired (part of every engine\'s figure).',
    '- Accuracy: sequential probes (100 per engine at 0 and 10 ms, 50 at 50 ms, 30 at 200 and 1000 ms), the two engines interleaved probe by probe. Throughput: a warm-up, then each cell runs ours, then its. Ratios are ours ÷ its: below 1 is better for latency and CPU, above 1 is better for probes/s.',
    '- conn/req: TCP connections the target accepted per request answered (1.00 = a new connection per probe, as both engines should do).',
    '- Where the engine spends its CPU: `npx tsx bench/profile.ts https 2000 10` (V8 sampling profile of a batch, top functions and files).',
    '',
    '## Latency overhead (ms): reported total − injected delay',
    '',
    accuracyTable(report.accuracy),
    '',
    '## Phases at the 0 ms target (median, ms)',
    '',
    phaseTable(report.accuracy),
    '',
    '## Throughput and CPU',
    '',
    throughputTable(report.throughput),
    '',
    ...(notes.length > 0 ? ['## Failures', '', ...notes, ''] : []),
  ].join('\n');
}
