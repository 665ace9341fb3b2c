/**
 * The handler bundle benchmark (`npm run bench -- bundle`): builds each Lambda handler with the esbuild settings
 * its NodejsFunction uses (infra/handler-bundling.ts), with the example monitor beside it as `monitor.json` (the
 * probe's holding only its region's checks), then measures its size and its cold import time on this Node:
 * median of fresh processes that load it as Lambda does (CommonJS: a `.js` file with no package.json above it,
 * `require`d; the AWS SDK found through NODE_PATH, as the runtime's is), next to `node -e 0` in the same run.
 * Each load checks that `handler` is a function and counts the AWS SDK packages loaded. Writes its section of
 * bench/RESULTS.md and fails when a bundle is over its size target or the probe over its import target.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { checksForRegion, type ResolvedMonitor } from '../functions/core';
import { deployableMonitor } from '../infra/deployable-monitor';
import {
  bundledMonitorJson,
  type HandlerName,
  handlerBundlingSettings,
  handlerEsbuildOptions,
  projectRoot,
} from '../infra/handler-bundling';
import { benchDir } from './bench-paths';
import { describeMachine } from './machine';
import { formatNumber, markdownTable } from './markdown-table';
import { upsertSection } from './results-sections';
import { summarize } from './stats';

/** The most each minified bundle may weigh, in KiB. */
export const bundleTargetsKiB: Record<HandlerName, number> = {
  probe: 800,
  evaluate: 600,
  sweep: 600,
  ping: 100,
};

/** The most the probe bundle's cold import may take over `node -e 0`, in milliseconds (issue 9). */
export const probeImportTargetMs = 75;

const handlers: HandlerName[] = ['probe', 'evaluate', 'sweep'];
const runs = 15;
/** The region the probe bundle is built for, and runs in (AWS_REGION). */
const probeRegion = 'eu-west-1';

/** What a handler needs in its environment to load (no AWS call is made at import). */
const handlerEnvironment = {
  AWS_REGION: probeRegion,
  // Lambda puts its runtime's node_modules (with the AWS SDK v3) on NODE_PATH; here, the project's.
  NODE_PATH: join(projectRoot, 'node_modules'),
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  LOOKOUT_TABLE_NAME: 'lookout-results',
  LOOKOUT_HOME_REGION: 'us-east-1',
  LOOKOUT_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:lookout-alerts',
  LOOKOUT_DASHBOARD_URL: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home',
  NODE_OPTIONS: handlerBundlingSettings.nodeOptions,
};

interface BundleFigures {
  name: HandlerName;
  /** The largest contributors: npm packages, and Lookout's own code by folder. */
  largest: { source: string; bytes: number }[];
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  importMs: number[];
  /** Each import's time minus the `node -e 0` run just before it: paired, so that load on the machine cancels. */
  overBaselineMs: number[];
  /** AWS SDK packages loaded once the bundle is imported (none for the probe: it loads them on first use). */
  sdkPackagesAtImport: string[];
}

const kib = (bytes: number) => bytes / 1024;

async function loadExampleDeclaration(): Promise<unknown> {
  const modulePath = resolve(projectRoot, 'checks/index.ts');
  return ((await import(pathToFileURL(modulePath).href)) as { default: unknown }).default;
}

/** Which package (or folder of Lookout's own code) an input of the bundle belongs to. */
function sourceOf(inputPath: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(inputPath);
  return inPackage?.[1] ?? inputPath.split('/').slice(0, -1).join('/');
}

/** The monitor each function ships: the probe's holds only its region's checks (as infra/probe-stack.ts does). */
function monitorFor(name: HandlerName, monitor: ResolvedMonitor): ResolvedMonitor {
  return name === 'probe' ? { ...monitor, checks: checksForRegion(monitor, probeRegion) } : monitor;
}

async function build(
  workDir: string,
  name: HandlerName,
  monitor: ResolvedMonitor,
): Promise<{ outfile: string; largest: BundleFigures['largest'] }> {
  const outdir = join(workDir, name);
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'index.js');
  const result = await esbuild.build({
    ...handlerEsbuildOptions(name),
    outfile,
    metafile: true,
    logLevel: 'error',
  });
  writeFileSync(join(outdir, 'monitor.json'), bundledMonitorJson(monitorFor(name, monitor)));
  const bySource = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [inputPath, input] of Object.entries(output.inputs)) {
      const source = sourceOf(inputPath);
      bySource.set(source, (bySource.get(source) ?? 0) + input.bytesInOutput);
    }
  }
  const largest = [...bySource]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return { outfile, largest };
}

/** Wall time of one fresh `node` process running `script` (with `args`), in milliseconds, and its output. */
function timeNode(script: string, args: string[]): { ms: number; stdout: string } {
  const startedAt = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', script, ...args], {
    env: { PATH: process.env.PATH, ...handlerEnvironment },
    encoding: 'utf8',
  });
  const elapsedMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  if (result.status !== 0) {
    throw new Error(`node -e ${script} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  return { ms: elapsedMs, stdout: result.stdout };
}

/**
 * Loads a bundle as Lambda does (`require`, CommonJS), fails unless it exports a `handler` function, and prints
 * the AWS SDK packages it loaded.
 */
const loadAsLambda = [
  'const m = require(process.argv[1]);',
  'if (typeof m.handler !== "function") { console.error("no handler function exported"); process.exit(3); }',
  'const sdk = new Set(Object.keys(require.cache).map((p) => /@aws-sdk\\/([^/]+)/.exec(p)?.[1]).filter(Boolean));',
  'process.stdout.write(JSON.stringify([...sdk].sort()));',
].join(' ');

/** The probe's first invocation loads the DynamoDB client before probing (aws-probe-adapters.ts `prepare`). */
const loadAsLambdaThenStore = `${loadAsLambda} new (require("@aws-sdk/client-dynamodb").DynamoDBClient)({ region: "us-east-1" });`;

function renderSection(
  figures: BundleFigures[],
  baselineMs: number[],
  probeFirstUse: { totalMs: number[]; overBaselineMs: number[] },
  esbuildVersion: string,
  startedAt: Date,
): string {
  const baseline = summarize(baselineMs).median;
  const machine = describeMachine();
  const rows = figures.map((figure) => {
    const median = summarize(figure.importMs).median;
    const target = bundleTargetsKiB[figure.name];
    return [
      figure.name,
      formatNumber(kib(figure.bytes), 1),
      String(target),
      kib(figure.bytes) <= target ? 'ok' : '**over**',
      formatNumber(kib(figure.gzipBytes), 1),
      formatNumber(kib(figure.mapBytes), 1),
      formatNumber(median, 1),
      formatNumber(summarize(figure.overBaselineMs).median, 1),
      figure.sdkPackagesAtImport.length === 0 ? 'none' : figure.sdkPackagesAtImport.join(', '),
    ];
  });
  const firstUse = summarize(probeFirstUse.totalMs).median;
  const firstUseOver = summarize(probeFirstUse.overBaselineMs).median;
  return [
    '## Lambda handler bundles',
    '',
    `Generated by \`npm run bench -- bundle\` (bench/bundle-bench.ts) on ${startedAt.toISOString()}; ${machine.processors} × ${machine.cpuModel}, Node ${process.version}, esbuild ${esbuildVersion}. Regenerated by each run of that command; the engine benchmark keeps this section.`,
    '',
    `- Each handler bundled as its NodejsFunction bundles it (infra/handler-bundling.ts): ${handlerBundlingSettings.format.toUpperCase()}, target ${handlerBundlingSettings.target}, minified, main fields ${handlerBundlingSettings.mainFields.join(',')}, external ${handlerBundlingSettings.externalModules.join(', ')} (the AWS SDK v3 the Lambda runtime ships), source map beside it without sources, and the example monitor (checks/index.ts) beside it as \`monitor.json\` (the probe's: ${probeRegion}'s checks). Sizes in KiB (1024 bytes) of \`index.js\`; gzip -9 is roughly what the deployment zip weighs.`,
    `- Cold import: wall time of a fresh \`node\` process that loads the bundle as Lambda does: \`require\` of an \`index.js\` with no package.json above it (CommonJS), the AWS SDK from NODE_PATH (the project's node_modules, as Lambda's runtime puts its own), \`NODE_OPTIONS=${handlerBundlingSettings.nodeOptions}\`; its module-level set-up included (reading and shape-checking \`monitor.json\`, adapters; no network). Each load fails unless \`handler\` is a function. Median of ${runs}; each load is timed right after a \`node -e 0\` (median ${formatNumber(baseline, 1)} ms), and "over \`node -e 0\`" is the median of those paired differences, so that load on the machine cancels. The probe's target: at most ${probeImportTargetMs} ms over \`node -e 0\`.`,
    `- The probe loads its AWS SDK packages on first use, once per container, before its first invocation starts probing (so that loading never adds to a probe's measured latency): the DynamoDB client always, SSM and Secrets Manager only when a check of the region has a secret, SQS only when it has sub-minute checks. Import plus the DynamoDB client, what a cold container without secrets loads before its first probe: ${formatNumber(firstUse, 1)} ms (${formatNumber(firstUseOver, 1)} ms over \`node -e 0\`). Lambda bills the init phase and the invocation alike, so the saving is what is never loaded.`,
    '',
    markdownTable(
      [
        'handler',
        'minified KiB',
        'target KiB',
        'verdict',
        'gzip KiB',
        'source map KiB',
        'cold import median ms',
        '− `node -e 0` ms',
        'AWS SDK packages loaded at import',
      ],
      rows,
    ),
    '',
    'Largest contributors (KiB of minified output):',
    '',
    ...figures.map(
      (figure) =>
        `- ${figure.name}: ${figure.largest.map((entry) => `${entry.source} ${formatNumber(kib(entry.bytes), 0)}`).join(', ')}`,
    ),
  ].join('\n');
}

/** Builds, measures, records; throws when a bundle is over its target. */
export async function runBundleBench(): Promise<void> {
  const startedAt = new Date();
  const { monitor } = deployableMonitor(await loadExampleDeclaration());
  // Outside the project: Lambda's /var/task has no package.json saying "type": "module" above the bundle.
  const workDir = mkdtempSync(join(tmpdir(), 'lookout-bundles-'));
  try {
    await measure(workDir, monitor, startedAt);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function measure(workDir: string, monitor: ResolvedMonitor, startedAt: Date): Promise<void> {
  const figures: BundleFigures[] = [];
  for (const name of handlers) {
    const { outfile, largest } = await build(workDir, name, monitor);
    const code = readFileSync(outfile);
    figures.push({
      name,
      largest,
      bytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      mapBytes: existsSync(`${outfile}.map`) ? statSync(`${outfile}.map`).size : 0,
      importMs: [],
      overBaselineMs: [],
      sdkPackagesAtImport: [],
    });
    console.log(
      `${name}: ${formatNumber(kib(code.byteLength), 1)} KiB (target ${bundleTargetsKiB[name]} KiB)`,
    );
  }
  const baselineMs: number[] = [];
  const probeFirstUseMs: number[] = [];
  const bundlePath = (name: HandlerName) => join(workDir, name, 'index.js');
  const probeFirstUseOverMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const figure of figures) {
      const baseline = timeNode('0', []).ms;
      const { ms, stdout } = timeNode(loadAsLambda, [bundlePath(figure.name)]);
      baselineMs.push(baseline);
      figure.importMs.push(ms);
      figure.overBaselineMs.push(ms - baseline);
      figure.sdkPackagesAtImport = JSON.parse(stdout) as string[];
    }
    const baseline = timeNode('0', []).ms;
    const firstUse = timeNode(loadAsLambdaThenStore, [bundlePath('probe')]).ms;
    probeFirstUseMs.push(firstUse);
    probeFirstUseOverMs.push(firstUse - baseline);
  }
  const section = renderSection(
    figures,
    baselineMs,
    { totalMs: probeFirstUseMs, overBaselineMs: probeFirstUseOverMs },
    esbuild.version,
    startedAt,
  );
  console.log(`\n${section}\n`);
  const resultsPath = join(benchDir, 'RESULTS.md');
  const existing = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  writeFileSync(resultsPath, upsertSection(existing, 'bundle-bench', section));
  console.log(`wrote ${resultsPath}`);
  const probe = figures.find((figure) => figure.name === 'probe');
  const probeOverMs = probe === undefined ? 0 : summarize(probe.overBaselineMs).median;
  if (probeOverMs > probeImportTargetMs) {
    throw new Error(
      `the probe bundle imports in ${formatNumber(probeOverMs, 1)} ms over node -e 0, over its ${probeImportTargetMs} ms target`,
    );
  }
  const over = figures.filter((figure) => kib(figure.bytes) > bundleTargetsKiB[figure.name]);
  if (over.length > 0) {
    throw new Error(
      `bundle over its target: ${over
        .map(
          (figure) =>
            `${figure.name} ${formatNumber(kib(figure.bytes), 1)} KiB > ${bundleTargetsKiB[figure.name]} KiB`,
        )
        .join('; ')}`,
    );
  }
}
