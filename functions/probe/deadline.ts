import type { ProbeFailure } from './probe-failure';

/** One deadline for a whole probe, from before DNS to the last byte. */
export class Deadline {
  /** `performance.now()` when the probe started. */
  readonly startedAtMs = performance.now();
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;

  constructor(readonly timeoutMs: number) {
    this.#timer = setTimeout(() => this.#controller.abort(), timeoutMs);
  }

  /** Aborted when the deadline passes. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether the deadline has passed. */
  get expired(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Milliseconds since the probe started. */
  elapsedMs(): number {
    return performance.now() - this.startedAtMs;
  }

  /**
   * Waits for `work`, or fails with `onExpiry()` as soon as the deadline passes.
   * `onExpiry` should also release whatever `work` holds (a socket, say).
   */
  race<T>(work: Promise<T>, onExpiry: () => ProbeFailure): Promise<T> {
    if (this.expired) return Promise.reject(onExpiry());
    return new Promise<T>((resolve, reject) => {
      const expire = () => reject(onExpiry());
      this.signal.addEventListener('abort', expire, { once: true });
      work.then(
        (value) => {
          this.signal.removeEventListener('abort', expire);
          resolve(value);
        },
        (error: unknown) => {
          this.signal.removeEventListener('abort', expire);
          reject(error);
        },
      );
    });
  }

  /** Stops the timer; call once the probe is over. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
