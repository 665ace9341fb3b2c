import type { ResultStore } from '../core/ports/result-store';
import type { StoredResult } from '../core/ports/stored-result';

/** BatchWriteItem's most items per call: the size of each write. */
export const resultBatchSize = 25;

/** What a `ResultWriter` writes to, and how. */
export interface ResultWriterOptions {
  store: Pick<ResultStore, 'putResults'>;
  /** How long raw results are kept. */
  retentionMs: number;
  /**
   * Results per `putResults` call.
   * @default 25 (one BatchWriteItem call)
   */
  batchSize?: number;
  /**
   * How many `putResults` calls run at once; `add` waits for one to end when they all run.
   * @default 4
   */
  writesInFlight?: number;
  /**
   * Called with each batch once written (the local monitor evaluates it at once).
   * @default nothing
   */
  onWritten?: (results: StoredResult[]) => Promise<void> | void;
}

/** Results that could not be written after every retry, with the reason. */
export interface UnwrittenResults {
  results: StoredResult[];
  error: unknown;
}

/**
 * Writes results as probes finish, in batches of `batchSize`, with at most `writesInFlight` batches being
 * written at once: a probe's result waits for a batch to fill, not for its whole round, and memory holds at
 * most `(writesInFlight + 1) × batchSize` results plus one per waiting `add` (each probe that just ended),
 * whatever the number of checks. The writes cost what writing after the round did (one BatchWriteItem per 25
 * results): only their timing changes.
 */
export class ResultWriter {
  /** Batches that could not be written, with the reason: read after `close`. */
  readonly unwritten: UnwrittenResults[] = [];
  private buffer: StoredResult[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly batchSize: number;
  private readonly writesInFlight: number;
  private callbackError: { error: unknown } | undefined;

  constructor(private readonly options: ResultWriterOptions) {
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? resultBatchSize));
    this.writesInFlight = Math.max(1, Math.floor(options.writesInFlight ?? 4));
  }

  /** Takes one result; resolves once it is buffered or its batch is being written. */
  async add(stored: StoredResult): Promise<void> {
    this.buffer.push(stored);
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  /** Starts writing what is buffered (once a write slot is free), without waiting for the write to end. */
  async flush(): Promise<void> {
    while (this.buffer.length > 0) {
      while (this.inFlight.size >= this.writesInFlight) await Promise.race(this.inFlight);
      const batch = this.buffer.splice(0, this.batchSize);
      if (batch.length > 0) this.start(batch);
    }
  }

  /**
   * Writes what is left and waits for every write. Rejects with the first error of `onWritten`, if any; results
   * that could not be written are in `unwritten`.
   */
  async close(): Promise<UnwrittenResults[]> {
    await this.flush();
    await Promise.all(this.inFlight);
    if (this.callbackError !== undefined) throw this.callbackError.error;
    return this.unwritten;
  }

  private start(batch: StoredResult[]): void {
    const write = async () => {
      try {
        await this.options.store.putResults(batch, this.options.retentionMs);
      } catch (error) {
        this.unwritten.push({ results: batch, error });
        return;
      }
      try {
        await this.options.onWritten?.(batch);
      } catch (error) {
        this.callbackError ??= { error };
      }
    };
    const tracked: Promise<void> = write().finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
