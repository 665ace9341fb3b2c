import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../functions/adapters/listen-on-loopback';
import type { LookoutEvent } from '../../functions/core/alerting/lookout-event';
import { closeServer } from '../support/close-server';
import { closedPort } from '../support/closed-port';
import { type LoopbackHttpServer, startLoopbackHttpServer } from './loopback-http-server';
import { coreIndexPath, lookoutBin, pinnedNode } from './run-lookout';

let workDir: string;
let target: LoopbackHttpServer;
let webhook: Server;
let webhookUrl: string;
const webhookEvents: LookoutEvent[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lookout-run-'));
  target = await startLoopbackHttpServer();
  const downPort = await closedPort();
  await writeFile(
    join(workDir, 'monitor.ts'),
    [
      `import { defineMonitor, http, tcp } from ${JSON.stringify(coreIndexPath)};`,
      'export default defineMonitor({',
      "  homeRegion: 'us-east-1',",
      "  defaults: { interval: '10s', timeout: '2s' },",
      '  checks: [',
      `    http({ id: 'loopback-up', url: '${target.origin}/ok' }),`,
      `    tcp({ id: 'nothing-listens', host: '127.0.0.1', port: ${downPort} }),`,
      '  ],',
      '});',
    ].join('\n'),
  );
  webhook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      webhookEvents.push(JSON.parse(body) as LookoutEvent);
      response.writeHead(204).end();
    });
  });
  webhookUrl = `http://127.0.0.1:${await listenOnLoopback(webhook)}/hook`;
});

afterAll(async () => {
  await target.close();
  await closeServer(webhook);
  await rm(workDir, { recursive: true, force: true });
});

/** `lookout run` as a child process, with its output collected as it comes. */
function startRun(args: string[]) {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    pinnedNode,
    [lookoutBin, 'run', '--config', 'monitor.ts', '--port', '0', ...args],
    {
      cwd: workDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
  });
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      running = false;
      resolve(code);
    }),
  );
  const waitFor = async (pattern: RegExp, timeoutMs = 40_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output.stdout)) {
      if (Date.now() > deadline || !running)
        throw new Error(`timed out waiting for ${pattern}:\n${output.stdout}\n${output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return pattern.exec(output.stdout);
  };
  return { child, output, exited, waitFor };
}

describe('lookout run', () => {
  it('probes on the intervals, shows states, alerts to the terminal and a webhook, serves a status page, stops on Ctrl-C, and keeps its data', async () => {
    const first = startRun(['--webhook', webhookUrl]);
    const page = await first.waitFor(/status page (http:\/\/127\.0\.0\.1:\d+)/);
    await first.waitFor(/^UP\s+loopback-up/m);
    await first.waitFor(
      /ALERT OPENED outage nothing-listens is down in 1 of 1 regions \(local\): CONNECT_REFUSED/,
    );
    await first.waitFor(/^DOWN\s+nothing-listens/m);
    // The status page's data: `up` once a round of the check has been counted (it closes after its timeout).
    const states = async () => {
      const status = (await (await fetch(`${page?.[1]}/status.json`)).json()) as {
        schema: string;
        checks: { id: string; state: string }[];
      };
      expect(status.schema).toBe('lookout.status.v1');
      return status.checks.map((check) => `${check.id}:${check.state}`);
    };
    const deadline = Date.now() + 40_000;
    while ((await states()).join() !== 'loopback-up:up,nothing-listens:down' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await states()).toEqual(['loopback-up:up', 'nothing-listens:down']);
    const html = await (await fetch(`${page?.[1]}/`)).text();
    expect(html).toContain('Lookout (local)');
    expect(html).toContain('nothing-listens');
    // The webhook gets each alert on its own, just after the terminal.
    for (let waitedMs = 0; webhookEvents.length === 0 && waitedMs < 5_000; waitedMs += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(
      webhookEvents.map((event) => `${event.schema}:${event.kind}:${event.type}:${event.checkId}`),
    ).toEqual(['lookout.event.v1:outage:opened:nothing-listens']);
    expect(target.requests.length).toBeGreaterThanOrEqual(2);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output.stdout).toMatch(/stopped; results and alert state are kept in/);

    const second = startRun([]);
    await second.waitFor(/^DOWN\s+nothing-listens/m);
    await second.waitFor(/^UP\s+loopback-up/m);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.output.stdout).not.toMatch(/ALERT OPENED/);
  }, 90_000);

  it('refuses a second run on the same data directory, and a second on the same port, with exit 2 and no stack trace', async () => {
    const first = startRun(['--data-dir', 'shared-data']);
    const page = await first.waitFor(/status page http:\/\/127\.0\.0\.1:(\d+)/);
    const sameDir = startRun(['--data-dir', 'shared-data']);
    expect(await sameDir.exited).toBe(2);
    expect(sameDir.output.stderr).toMatch(
      /^lookout: data directory \S+shared-data is in use by another lookout run \(process \d+\); stop it or pass --data-dir\n$/,
    );
    const samePort = spawn(
      pinnedNode,
      [lookoutBin, 'run', '--config', 'monitor.ts', '--port', String(page?.[1]), '--data-dir', 'other-data'],
      { cwd: workDir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
    );
    let samePortError = '';
    samePort.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      samePortError += chunk;
    });
    expect(await new Promise((resolve) => samePort.on('close', resolve))).toBe(2);
    expect(samePortError).toMatch(/the port is in use .*--port.*--data-dir/);
    expect(samePortError).not.toMatch(/\n\s+at /);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // The directory is free again once the first run stopped.
    const again = startRun(['--data-dir', 'shared-data']);
    await again.waitFor(/status page/);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 60_000);

  it('prints alerts at once when the webhook cannot be reached, and says which URL failed and why', async () => {
    const port = await closedPort();
    const run = startRun(['--data-dir', 'unreachable-webhook', '--webhook', `http://127.0.0.1:${port}/hook`]);
    await run.waitFor(/ALERT OPENED outage nothing-listens is down/);
    await run.waitFor(
      new RegExp(
        `webhook http://127\\.0\\.0\\.1:${port}/hook did not accept \\S+: ECONNREFUSED 127\\.0\\.0\\.1:${port}; 1 alert waits for it, next try in 10s`,
      ),
    );
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output.stdout).toMatch(
      new RegExp(`1 alert was not delivered to webhook http://127\\.0\\.0\\.1:${port}/hook`),
    );
  }, 60_000);
});
