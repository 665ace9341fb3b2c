import type { StoredResult } from './stored-result';

/** Where probe results are kept (each written once, expiring after the retention). */
export interface ResultStore {
  /**
   * Writes every result, with an expiry `retentionMs` after its start. Retries throttling, server errors and
   * unprocessed items with backoff; rejects only when retries are exhausted, naming how many results were not
   * written, so a caller never loses one silently.
   */
  putResults(results: readonly StoredResult[], retentionMs: number): Promise<void>;
  /**
   * The results of one check whose round starts at or after `fromRoundAtMs`, oldest first. Eventually
   * consistent: a result written in the last second may be missing, so callers judge only rounds that closed
   * (or add the results they were just given).
   */
  resultsSince(checkId: string, fromRoundAtMs: number): Promise<StoredResult[]>;
  /**
   * The newest result of each region among the check's results that started at or after `sinceMs`, in no
   * particular order: a region with none since then is absent. One bounded query of the newest results;
   * eventually consistent.
   */
  latestResults(checkId: string, sinceMs: number): Promise<StoredResult[]>;
}
