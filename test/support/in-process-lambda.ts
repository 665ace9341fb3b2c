import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A Lambda function's bundle and configuration, as a template gives them. */
export interface LambdaBundle {
  /** The folder of the bundle (the function's code asset), holding the file `entryPoint` names. */
  assetDirectory: string;
  /** The function's `Handler`, such as `index.handler`: the file `index.js`, its export `handler`. */
  entryPoint: string;
  functionName: string;
  /** The region it runs in: `AWS_REGION`. */
  region: string;
  /** Its `Environment.Variables`. */
  environment: Readonly<Record<string, string>>;
  timeoutMs: number;
}

/** What a function wrote to its log: each `console.*` call and `process.stdout.write` chunk, one entry each. */
export type LogLines = string[];

/** A function loaded in this process, invoked as Lambda invokes it. */
export interface InProcessLambda {
  readonly functionName: string;
  /** Everything written by its cold start and every invocation, in order: what its log group would hold. */
  readonly log: LogLines;
  /** Invokes it with `event` and a context whose remaining time counts down from its timeout. */
  invoke<Reply = unknown>(event: unknown): Promise<Reply>;
}

/**
 * Loads a bundle as the Node.js Lambda runtime does: copies its asset into `taskDirectory` (Lambda's `/var/task`,
 * one per function: two functions built from one asset still get a module each), then `require`s (CommonJS) the
 * file its `Handler` names, with its environment and `AWS_REGION` set for the cold start, and set again around
 * each invocation (one function at a time: this process's environment is shared). Packages the bundle leaves out
 * (`@aws-sdk/*`, which Lambda's runtime provides) resolve from the node_modules above `taskDirectory`, so it must
 * lie under the project, and outside the project's package scope (`"type": "module"`). What the function writes
 * to the console and stdout is captured into `log`, not printed.
 */
export function loadInProcess(bundle: LambdaBundle, taskDirectory: string): InProcessLambda {
  if (existsSync(taskDirectory))
    throw new Error(`${taskDirectory} exists: each function needs a folder of its own`);
  cpSync(bundle.assetDirectory, taskDirectory, { recursive: true });
  const dot = bundle.entryPoint.lastIndexOf('.');
  const file = join(taskDirectory, `${bundle.entryPoint.slice(0, dot)}.js`);
  const exportName = bundle.entryPoint.slice(dot + 1);
  const log: LogLines = [];
  const environment = {
    ...bundle.environment,
    AWS_REGION: bundle.region,
    AWS_LAMBDA_FUNCTION_NAME: bundle.functionName,
  };
  const exports = withEnvironment(
    environment,
    log,
    () => createRequire(file)(file) as Record<string, unknown>,
  );
  const handler = exports[exportName];
  if (typeof handler !== 'function') {
    throw new Error(
      `${file} exports no function ${exportName} (it exports ${Object.keys(exports).join(', ') || 'nothing'})`,
    );
  }
  return {
    functionName: bundle.functionName,
    log,
    async invoke<Reply>(event: unknown): Promise<Reply> {
      const deadline = performance.now() + bundle.timeoutMs;
      const context = {
        functionName: bundle.functionName,
        awsRequestId: crypto.randomUUID(),
        getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - performance.now())),
      };
      return (await withEnvironment(environment, log, () => handler(event, context))) as Reply;
    },
  };
}

/** Runs `work` (and waits for it) with `environment` set and the console captured, then puts both back. */
function withEnvironment<T>(environment: Readonly<Record<string, string>>, log: LogLines, work: () => T): T {
  const saved = Object.fromEntries(Object.keys(environment).map((name) => [name, process.env[name]]));
  Object.assign(process.env, environment);
  const restoreConsole = captureConsole(log);
  const restore = () => {
    restoreConsole();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

function captureConsole(log: LogLines): () => void {
  const originals = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    write: process.stdout.write,
  };
  const record = (...values: unknown[]) => {
    log.push(values.map((value) => (typeof value === 'string' ? value : String(value))).join(' '));
  };
  console.log = record;
  console.info = record;
  console.warn = record;
  console.error = record;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    log.push(typeof chunk === 'string' ? chunk.replace(/\n$/, '') : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  return () => {
    console.log = originals.log;
    console.info = originals.info;
    console.warn = originals.warn;
    console.error = originals.error;
    process.stdout.write = originals.write;
  };
}
