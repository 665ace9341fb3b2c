#!/usr/bin/env node
// The `lookout` command: runs on the project's pinned Node.js and loads TypeScript through tsx.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const requiredNodeMajor = 24;
const nodeMajor = Number(process.versions.node.split('.')[0]);

if (nodeMajor < requiredNodeMajor) {
  process.exit(await rerunOnPinnedNode());
}

// TypeScript for ES modules, and for config modules outside a `"type": "module"` package (loaded as CommonJS).
const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
esm.register();
cjs.register();
const { main } = await import('../functions/cli/main.ts');

let exitCode = 2;
try {
  exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stopRequested: new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
  });
} catch (error) {
  process.stderr.write(`lookout: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
}
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(exitCode);

/** Started by an older Node.js (a system one first on PATH): runs this file again on node_modules/.bin/node. */
function rerunOnPinnedNode() {
  const pinnedNode = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (process.env.LOOKOUT_PINNED_NODE_RERUN === '1' || !existsSync(pinnedNode)) {
    process.stderr.write(
      `lookout: needs Node.js ${requiredNodeMajor} or later (this is ${process.version}); run \`npm ci\` to install the pinned one\n`,
    );
    return 2;
  }
  const child = spawn(pinnedNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LOOKOUT_PINNED_NODE_RERUN: '1' },
  });
  // Ctrl-C reaches both processes (the terminal signals its whole foreground group): this one waits for the
  // child to stop cleanly instead of dying first. A SIGTERM sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolve) => {
    child.on('error', () => resolve(2));
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 2 : 130)));
  });
}

/** Resolves once everything written so far to the stream has been handed to the OS. */
function flush(stream) {
  return new Promise((resolve) => stream.write('', () => resolve(undefined)));
}
