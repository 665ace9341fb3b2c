/**
 * Run by first-probe.test.ts in a fresh Node process, bundled by esbuild as the Lambda bundles are: probes one URL
 * once, then `warmProbes` more times, and prints the results' phases as one JSON array (the first probe first).
 * Usage: node first-probe-child.cjs <url> <warmProbes> [caPath]
 */
import { readFileSync } from 'node:fs';
import { probeCheck } from '../../functions/probe';
import { httpCheck, testContext } from '../support/resolved-checks';

/** What the child prints for each probe. */
export interface ProbeTimings {
  ok: boolean;
  error?: string;
  totalMs: number;
  connectMs: number;
  tlsMs: number;
  ttfbMs: number;
  eventLoopDelayMs?: number;
}

async function main(): Promise<void> {
  const [url, warmProbes, caPath] = process.argv.slice(2);
  if (url === undefined || warmProbes === undefined) throw new Error('usage: <url> <warmProbes> [caPath]');
  const check = httpCheck({
    url,
    maxRedirects: 0,
    ...(caPath === undefined ? {} : { tls: { ca: readFileSync(caPath, 'utf8') } }),
  });
  const context = testContext();
  const timings: ProbeTimings[] = [];
  for (let probe = 0; probe <= Number(warmProbes); probe++) {
    const result = await probeCheck(check, context);
    timings.push({
      ok: result.ok,
      ...(result.error ? { error: `${result.error.code}: ${result.error.message}` } : {}),
      totalMs: result.totalMs,
      connectMs: result.phases.connectMs,
      tlsMs: result.phases.tlsMs,
      ttfbMs: result.phases.ttfbMs,
      ...(result.eventLoopDelayMs === undefined ? {} : { eventLoopDelayMs: result.eventLoopDelayMs }),
    });
  }
  process.stdout.write(`${JSON.stringify(timings)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
