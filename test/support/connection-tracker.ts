import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Counts a server's connections and closes them all on demand, so tests end without dangling sockets. */
export class ConnectionTracker {
  readonly #open = new Set<Socket>();
  #total = 0;
  #maxOpen = 0;

  /** Starts tracking a newly accepted socket. */
  track(socket: Socket): void {
    this.#open.add(socket);
    this.#total += 1;
    this.#maxOpen = Math.max(this.#maxOpen, this.#open.size);
    socket.once('close', () => this.#open.delete(socket));
  }

  /** How many connections were accepted so far. */
  get total(): number {
    return this.#total;
  }

  /** The most connections that were open at the same time. */
  get maxOpen(): number {
    return this.#maxOpen;
  }

  /** How many connections are open now. */
  get open(): number {
    return this.#open.size;
  }

  /** Resolves once no connection is open; rejects after `timeoutMs`. */
  async waitUntilIdle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.#open.size > 0) {
      if (performance.now() > deadline) {
        throw new Error(`${this.#open.size} connection(s) still open after ${timeoutMs} ms`);
      }
      await sleep(10);
    }
  }

  /** Destroys every open socket. */
  destroyAll(): void {
    for (const socket of this.#open) socket.destroy();
    this.#open.clear();
  }
}
