import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedMonitor } from '../functions/core';
import type { HandlerName } from '../functions/core/contract/handler-environment';
import { bundledMonitor, bundledMonitorFileName } from '../functions/core/contract/monitor-format';

export type { HandlerName };

/** The repository root: the project root of every bundle (it holds package-lock.json). */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The lock file that pins what the bundles contain. */
export const depsLockFilePath = fileURLToPath(new URL('../package-lock.json', import.meta.url));

/** The source file of a handler, such as `<repo>/functions/handlers/probe.ts`. */
export function handlerEntry(name: HandlerName): string {
  return fileURLToPath(new URL(`../functions/handlers/${name}.ts`, import.meta.url));
}

/**
 * How every handler is bundled, shared by the NodejsFunctions and the bundle benchmark. CommonJS: the same size
 * as ESM and about 20 ms faster to import cold on Node 24 (no `createRequire` banner for the CommonJS packages
 * inside). The AWS SDK v3 is taken from the Lambda runtime (every Node.js 24 runtime ships all of it, and AWS
 * keeps it patched), as NodejsFunction does by default: bundled, it added about 370 KiB to the probe function,
 * past its 800 KiB budget. Lookout calls only long-stable operations (DynamoDB Put/Update/BatchWrite/Query,
 * SNS Publish, CloudWatch PutMetricData, SSM GetParameter, Secrets Manager GetSecretValue, SQS
 * SendMessageBatch). The probe requires each SDK package only when it first uses it (functions/adapters/
 * aws-probe-adapters.ts), so its bundle's import loads none. Source maps without sources content, read by
 * `--enable-source-maps` (about 8 ms of the probe's cold import: the price of stack traces that name the
 * TypeScript sources).
 */
export const handlerBundlingSettings = {
  target: 'node24',
  format: 'cjs',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  externalModules: ['@aws-sdk/*'] as string[],
  /** Set as NODE_OPTIONS on each function: stack traces point at the TypeScript sources. */
  nodeOptions: '--enable-source-maps',
} as const;

/**
 * The esbuild `define` of every bundle: undici's `esbuildDetection` flag, which leaves out its experimental Milo
 * HTTP parser (about 150 KiB: undici parses with llhttp unless Milo is turned on). The monitor is not compiled
 * in: it ships beside the bundle as `monitor.json` (see `stageBundledMonitor`), so no command line grows with it.
 */
export const bundleDefine: Readonly<Record<string, string>> = { esbuildDetection: 'true' };

/** The text of `monitor.json` for a resolved monitor (core/contract/monitor-format.ts). */
export function bundledMonitorJson(monitor: ResolvedMonitor): string {
  return JSON.stringify(bundledMonitor(monitor));
}

/** The folder of the cloud assembly where the monitors are staged for bundling. */
export const stagedMonitorFolder = 'lookout-monitors';

/**
 * Writes the monitor's `monitor.json` under `assetOutdir` (the cloud assembly's asset folder,
 * `<assetOutdir>/lookout-monitors/<sha-256>.json`) and returns its path, for `copyMonitorCommands` to copy into a
 * bundle. Named by its content: two functions with the same monitor share one file, and the name (so the
 * bundling command, and with it the asset hash even when bundling is skipped) changes whenever the monitor does.
 */
export function stageBundledMonitor(assetOutdir: string, monitor: ResolvedMonitor): string {
  const json = bundledMonitorJson(monitor);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 32);
  const directory = join(assetOutdir, stagedMonitorFolder);
  const path = join(directory, `${hash}.json`);
  if (!existsSync(path)) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(path, json);
  }
  return path;
}

/**
 * The NodejsFunction `afterBundling` commands that copy a staged monitor into the bundle as `monitor.json`: one
 * short copy command, whatever the monitor's size. The source is named relative to `inputDir` (the project root
 * on this machine, `/asset-input` in Docker), so Docker bundling finds it when the cloud assembly is inside the
 * project, as `cdk.out` is. POSIX `cp` in bash (Docker, Linux, macOS), `copy` in cmd on Windows.
 */
export function copyMonitorCommands(stagedPath: string, inputDir: string, outputDir: string): string[] {
  const fromRoot = relative(projectRoot, stagedPath).split(sep);
  if (inputDir.startsWith('/')) {
    const source = posix.join(inputDir, ...fromRoot);
    const target = posix.join(outputDir, bundledMonitorFileName);
    return [`cp ${posixQuote(source)} ${posixQuote(target)}`];
  }
  const source = win32.join(inputDir, ...fromRoot);
  return [`copy /Y "${source}" "${win32.join(outputDir, bundledMonitorFileName)}"`];
}

function posixQuote(path: string): string {
  return `'${path.replaceAll("'", `'\\''`)}'`;
}

/** The subset of esbuild's build options the benchmark passes (no esbuild types needed here). */
export interface HandlerEsbuildOptions {
  entryPoints: string[];
  bundle: true;
  platform: 'node';
  target: string;
  format: 'cjs';
  minify: boolean;
  sourcemap: boolean;
  sourcesContent: boolean;
  mainFields: string[];
  external: string[];
  define: Record<string, string>;
}

/**
 * esbuild options equal to what a NodejsFunction runs for `name`; the caller writes `bundledMonitorJson` beside
 * the output as `monitor.json`, as the NodejsFunction's `afterBundling` command does.
 */
export function handlerEsbuildOptions(name: HandlerName): HandlerEsbuildOptions {
  const settings = handlerBundlingSettings;
  return {
    entryPoints: [handlerEntry(name)],
    bundle: true,
    platform: 'node',
    target: settings.target,
    format: settings.format,
    minify: settings.minify,
    sourcemap: settings.sourceMap,
    sourcesContent: settings.sourcesContent,
    mainFields: [...settings.mainFields],
    external: [...settings.externalModules],
    define: { ...bundleDefine },
  };
}
