import { mkdir } from 'node:fs/promises';
import dynalite from 'dynalite';
import { listenOnLoopback } from '../listen-on-loopback';

/** Where the embedded store listens and keeps its data. */
export interface EmbeddedDynaliteOptions {
  /**
   * A directory for the data (LevelDB), created when missing.
   * @default in memory, gone on close
   */
  path?: string;
  /**
   * The port on 127.0.0.1.
   * @default 0 (any free port)
   */
  port?: number;
}

/** A running embedded store. */
export interface EmbeddedDynalite {
  /** Such as `http://127.0.0.1:41234`. */
  endpoint: string;
  /** Stops the server (dropping open connections) and closes the data. */
  close(): Promise<void>;
}

/**
 * Starts dynalite, a DynamoDB-protocol server, on 127.0.0.1: the store of `npm start` and of the tests. Tables
 * are created and deleted at once (no CREATING state). It accepts any credentials and does not expire items
 * by TTL.
 */
export async function startDynalite(options: EmbeddedDynaliteOptions = {}): Promise<EmbeddedDynalite> {
  if (options.path !== undefined) await mkdir(options.path, { recursive: true });
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  const port = await listenOnLoopback(server, options.port ?? 0);
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
