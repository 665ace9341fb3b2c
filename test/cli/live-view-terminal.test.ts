import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../support/closed-port';
import { type LoopbackHttpServer, startLoopbackHttpServer } from './loopback-http-server';
import { coreIndexPath, lookoutBin, pinnedNode } from './run-lookout';

// `lookout run` in a real terminal: a tmux pane of 80 columns (tmux is installed by `npm test`'s pretest,
// test/support/ensure-test-tools.mjs). What the pane shows is read back with `capture-pane`.

const columns = 80;
const socket = `lookout-live-view-${process.pid}`;
let workDir: string;
let target: LoopbackHttpServer;

const checkIds = [
  'orders-api-behind-a-secret-header',
  'cache-server-on-a-closed-port',
  'inventory-service-answering-503',
  'healthy-endpoint',
];

function tmux(...args: string[]): string {
  const run = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (run.error) throw new Error(`tmux is needed (npm test installs it): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** Everything the pane shows and has scrolled away, one screen row per line (colours left out). */
function screenRows(): string[] {
  return tmux('capture-pane', '-p', '-t', 'lookout', '-S', '-', '-E', '-')
    .split('\n')
    .map((row) => row.trimEnd());
}

async function waitFor(what: string, test: (rows: string[]) => boolean, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = screenRows();
    if (test(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${rows.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The times of the last probes the table shows now. */
function probeTimes(rows: readonly string[]): string[] {
  return rows.flatMap((row) => /^(?:UP|FAILING|DOWN)\s+\S+\s+\d+ ms (\d\d:\d\d:\d\d)/.exec(row)?.[1] ?? []);
}

/** A shell word. */
function quoted(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lookout-live-view-'));
  target = await startLoopbackHttpServer();
  const downPort = await closedPort();
  await writeFile(
    join(workDir, 'monitor.ts'),
    [
      `import { defineMonitor, expect, http, secret, tcp } from ${JSON.stringify(coreIndexPath)};`,
      'export default defineMonitor({',
      "  homeRegion: 'us-east-1',",
      "  defaults: { interval: '10s', timeout: '2s' },",
      '  checks: [',
      `    http({ id: '${checkIds[0]}', name: 'Orders', url: '${target.origin}/ok',`,
      "      headers: { authorization: secret('/lookout/orders-api-token') } }),",
      `    tcp({ id: '${checkIds[1]}', name: 'Cache', host: '127.0.0.1', port: ${downPort} }),`,
      `    http({ id: '${checkIds[2]}', name: 'Inventory', url: '${target.origin}/down',`,
      "      assert: [expect.status().equals(200), expect.jsonBody('$.status').equals('a value it never has')] }),",
      `    http({ id: '${checkIds[3]}', name: 'Healthy', url: '${target.origin}/ok' }),`,
      '  ],',
      '});',
    ].join('\n'),
  );
  const command = [
    'env',
    '-i',
    `PATH=${process.env.PATH ?? ''}`,
    `HOME=${process.env.HOME ?? ''}`,
    'TERM=xterm-256color',
    pinnedNode,
    lookoutBin,
    'run',
    '--config',
    'monitor.ts',
    '--port',
    '0',
  ]
    .map(quoted)
    .join(' ');
  tmux('new-session', '-d', '-s', 'lookout', '-x', String(columns), '-y', '50', '-c', workDir);
  tmux('set-option', '-t', 'lookout', 'remain-on-exit', 'on');
  tmux('set-option', '-t', 'lookout', 'history-limit', '5000');
  tmux('respawn-pane', '-k', '-t', 'lookout', '-c', workDir, command);
});

afterAll(async () => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  await target.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('lookout run on an 80-column terminal', () => {
  it('redraws its table in place (no line repeated), keeps Ctrl-C from garbling it, and leaves it on screen at exit', async () => {
    // Several redraws: the first round, the sweep, alerts printed above the table, two more rounds.
    const roundsSeen = new Set<string>();
    await waitFor('an outage alert and three rounds', (rows) => {
      for (const time of probeTimes(rows)) roundsSeen.add(time);
      return rows.some((row) => row.includes('ALERT OPENED outage Cache')) && roundsSeen.size >= 3;
    });
    const rows = screenRows().filter((row) => row !== '');
    const repeated = rows.filter((row, index) => rows.indexOf(row) !== index);
    expect(repeated, rows.join('\n')).toEqual([]);
    for (const id of checkIds) {
      expect(
        rows.filter((row) => row.includes(id)),
        rows.join('\n'),
      ).toHaveLength(1);
    }
    // An error too long for its check's line is cut in the middle: its end, naming the fix, stays.
    expect(rows.join('\n')).toMatch(/….*LOOKOUT_SECRET_LOOKOUT_ORDERS_API_TOKEN\)?$/m);

    tmux('send-keys', '-t', 'lookout', 'C-c');
    const final = await waitFor('the run to stop', (shown) =>
      shown.some((row) => row.startsWith('stopped;')),
    );
    const shown = final.filter((row) => row !== '');
    const stopping = shown.findIndex((row) => row.includes('stopping'));
    const stopped = shown.findIndex((row) => row.startsWith('stopped;'));
    // The terminal echoed ^C where the cursor was; the redraw erased it instead of writing beside it.
    expect(shown[stopping]).toMatch(/^stopping/);
    expect(shown.join('\n')).not.toContain('^C');
    // The final table stays between "stopping" and "stopped".
    const table = shown.slice(stopping + 1, stopped);
    for (const id of checkIds) {
      expect(
        table.filter((row) => row.includes(id)),
        shown.join('\n'),
      ).toHaveLength(1);
    }
  }, 90_000);
});
