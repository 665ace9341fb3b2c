import type { StoredResult } from './stored-result';

/** Where probe results are kept: raw results (expiring after the retention) and the latest one per region. */
export interface ResultStore {
  /**
   * Writes every result (raw, with an expiry `retentionMs` after its start) and updates the latest result of
   * its check and region. Retries throttling, server errors and unprocessed items with backoff; rejects only
   * when retries are exhausted, naming how many results were not written, so a caller never loses one silently.
   */
  putResults(results: readonly StoredResult[], retentionMs: number): Promise<void>;
  /** The results of one check whose round starts at or after `fromRoundAtMs`, oldest first, read consistently. */
  resultsSince(checkId: string, fromRoundAtMs: number): Promise<StoredResult[]>;
  /** The latest result of each region that has reported for the check, in no particular order. */
  latestResults(checkId: string): Promise<StoredResult[]>;
}
