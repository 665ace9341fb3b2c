import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closedPort } from './closed-port';

/** One `server { }` of the test nginx. */
export interface NginxSite {
  /**
   * What follows the port in its `listen` directive, such as `'ssl'` or `'ssl http2'`.
   * @default '' (plain HTTP/1.1)
   */
  listen?: string;
  /**
   * The block's directives besides `listen`. A file written through `files` is referred to by its name, which
   * `startNginx` replaces with its absolute path wherever it appears as `{{name}}`.
   */
  directives: string;
}

/** Options of `startNginx`. */
export interface NginxOptions {
  /** The sites, by a name the test picks; each listens on its own 127.0.0.1 port. */
  sites: Record<string, NginxSite>;
  /**
   * Files written into nginx's prefix before it starts (certificates, keys, documents), by name; `{{name}}` in a
   * site's directives becomes the file's path.
   * @default {}
   */
  files?: Record<string, string | Buffer>;
  /**
   * Directives added to the `http { }` block.
   * @default ''
   */
  http?: string;
}

/** A running nginx. */
export interface TestNginx {
  /** Each site's port. */
  port(site: string): number;
  /** `http(s)://127.0.0.1:<port><path>` of a site (`https` when its `listen` says `ssl`). */
  url(site: string, path?: string): string;
  /** Stops nginx (fast shutdown) and removes its directory. */
  close(): Promise<void>;
}

/** Where nginx is: LOOKOUT_NGINX, else Debian's /usr/sbin/nginx, else `nginx` on the PATH. */
function nginxBinary(): string {
  const configured = process.env.LOOKOUT_NGINX;
  if (configured) return configured;
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

/**
 * Starts nginx (`npm test` installs it: test/support/ensure-test-tools.mjs) as a child process with its own
 * prefix, configuration, pid file, logs and temp directories in a new directory, in the foreground (`daemon off`,
 * one process), listening only on 127.0.0.1 ports. Resolves once every site accepts connections.
 */
export async function startNginx(options: NginxOptions): Promise<TestNginx> {
  const directory = await mkdtemp(join(tmpdir(), 'lookout-nginx-'));
  // Readable by all, should nginx serve the files as an unprivileged user.
  await chmod(directory, 0o755);
  await mkdir(join(directory, 'logs'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(options.files ?? {})) {
    const path = join(directory, name);
    await writeFile(path, content, { mode: 0o644 });
    paths[name] = path;
  }
  const ports: Record<string, number> = {};
  const blocks: string[] = [];
  for (const [name, site] of Object.entries(options.sites)) {
    const port = await closedPort();
    ports[name] = port;
    const directives = site.directives.replace(/\{\{([^}]+)\}\}/g, (_, file: string) => {
      const path = paths[file];
      if (path === undefined)
        throw new Error(`site ${name} refers to {{${file}}}, which is not among the files`);
      return path;
    });
    blocks.push(`  server {\n    listen 127.0.0.1:${port} ${site.listen ?? ''};\n${indent(directives)}\n  }`);
  }
  const errorLog = join(directory, 'logs', 'error.log');
  const config = [
    'daemon off;',
    'master_process off;',
    'worker_processes 1;',
    `pid ${join(directory, 'nginx.pid')};`,
    `error_log ${errorLog} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    '  default_type text/plain;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${join(directory, `${kind}-temp`)};`,
    ),
    options.http ?? '',
    ...blocks,
    '}',
    '',
  ].join('\n');
  const configPath = join(directory, 'nginx.conf');
  await writeFile(configPath, config);

  const child = spawn(nginxBinary(), ['-p', directory, '-c', configPath, '-e', errorLog], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      Promise.all(Object.values(ports).map((port) => waitUntilListening(port))),
      exited.then(async (code) => {
        const log = await readFile(errorLog, 'utf8').catch(() => '');
        throw new Error(
          `nginx exited (${code}) before listening:\n${stderr}${log}\n--- nginx.conf ---\n${config}`,
        );
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port: (site) => portOf(ports, site),
    url: (site, path = '/') => {
      const scheme = /\bssl\b/.test(options.sites[site]?.listen ?? '') ? 'https' : 'http';
      return `${scheme}://127.0.0.1:${portOf(ports, site)}${path}`;
    },
    close: stop,
  };
}

function portOf(ports: Record<string, number>, site: string): number {
  const port = ports[site];
  if (port === undefined) throw new Error(`no nginx site named ${site}`);
  return port;
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `    ${line.trim()}`)
    .join('\n');
}

/** Resolves once 127.0.0.1:`port` accepts a TCP connection, within 10 s. */
export async function waitUntilListening(port: number, timeoutMs = 10_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > giveUpAt) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await sleep(20);
  }
}
