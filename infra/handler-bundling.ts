import { fileURLToPath } from 'node:url';
import type { MonitorDeclaration } from '../functions/core';
import { bundledMonitorVariable, type HandlerName } from '../functions/core/contract/handler-environment';

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
 * SNS Publish, CloudWatch PutMetricData, SSM GetParameter, Secrets Manager GetSecretValue). Source maps
 * without sources content, read by `--enable-source-maps`.
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

/** The global each bundle reads its monitor from (functions/handlers/bundled-monitor.ts). */
export const monitorDefineKey = `process.env.${bundledMonitorVariable}`;

/**
 * The esbuild `define` of every bundle: the validated declaration, compiled in as a JSON string literal
 * (secrets are `secret()` references in it, never values); and undici's `esbuildDetection` flag, which leaves
 * out its experimental Milo HTTP parser (about 150 KiB: undici parses with llhttp unless Milo is turned on).
 */
export function bundleDefine(declaration: MonitorDeclaration): Record<string, string> {
  return { [monitorDefineKey]: JSON.stringify(JSON.stringify(declaration)), esbuildDetection: 'true' };
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

/** esbuild options equal to what a NodejsFunction runs for `name`. */
export function handlerEsbuildOptions(
  name: HandlerName,
  declaration: MonitorDeclaration,
): HandlerEsbuildOptions {
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
    define: bundleDefine(declaration),
  };
}
