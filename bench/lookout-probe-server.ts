/**
 * Lookout's engine behind a blackbox_exporter-compatible front door, for the bench only: `GET /probe?target=<url>
 * &module=http|https` probes `target` once with `probeCheck` (a resolved HTTP check: status < 400, no retries, no
 * redirects, the bench CA trusted for https) and answers with the same Prometheus text blackbox_exporter answers
 * (`probe_success`, `probe_duration_seconds`, `probe_http_duration_seconds{phase=...}`), plus
 * `probe_event_loop_delay_seconds`. So the bench reaches both engines the same way: over HTTP, from the same load
 * driver, each in its own process whose CPU it reads from /proc.
 *
 * Bundled by esbuild and run with plain `node` (bench/lookout-process.ts), as the probe Lambda runs its bundle.
 * Usage: node lookout-probe-server.cjs <ca.pem>; prints `{"port":<port>}` once listening; exits when stdin closes.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../functions/adapters/listen-on-loopback';
import type { PhaseTimings, ProbeResult } from '../functions/core/probe-result';
import { probeCheck } from '../functions/probe';
import type { ProbeContext } from '../functions/probe/probe-context';
import { benchHttpCheck } from './bench-checks';

const context: ProbeContext = {
  region: 'bench',
  now: Date.now,
  resolveSecret: () => Promise.reject(new Error('the bench declares no secrets')),
};

/** blackbox_exporter's phase labels, for ours. */
const blackboxPhases: [string, keyof PhaseTimings][] = [
  ['resolve', 'dnsMs'],
  ['connect', 'connectMs'],
  ['tls', 'tlsMs'],
  ['processing', 'ttfbMs'],
  ['transfer', 'transferMs'],
];

/** The result in blackbox_exporter's exposition format (seconds). */
function exposition(result: ProbeResult): string {
  const seconds = (ms: number) => String(ms / 1000);
  const lines = [
    `probe_success ${result.ok ? 1 : 0}`,
    `probe_duration_seconds ${seconds(result.totalMs)}`,
    ...blackboxPhases.map(
      ([label, phase]) => `probe_http_duration_seconds{phase="${label}"} ${seconds(result.phases[phase])}`,
    ),
    `probe_event_loop_delay_seconds ${seconds(result.eventLoopDelayMs ?? 0)}`,
    ...(result.status === undefined ? [] : [`probe_http_status_code ${result.status}`]),
    ...(result.error
      ? [`# lookout error: ${result.error.code} ${result.error.message.replaceAll('\n', ' ')}`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const [caPath] = process.argv.slice(2);
  if (caPath === undefined) throw new Error('usage: lookout-probe-server <ca.pem>');
  const caPem = readFileSync(caPath, 'utf8');
  let probeNumber = 0;
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://front-door');
    const target = url.searchParams.get('target');
    if (url.pathname !== '/probe' || target === null) {
      response.writeHead(url.pathname === '/-/healthy' ? 200 : 404).end();
      return;
    }
    probeCheck(benchHttpCheck(`bench-${probeNumber++}`, target, caPem), context).then(
      (result) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        response.end(exposition(result));
      },
      (error: unknown) => {
        response.writeHead(500).end(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const server = createServer({ keepAlive: true }, handle);
  listenOnLoopback(server, 0, 1024).then((port) => {
    process.stdout.write(`${JSON.stringify({ port })}\n`);
  });
  // The bench holds stdin open; when it goes away, however it goes, so does this process.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
}

main();
