/**
 * Lookout's store in memory, for the scale bench (bench/scale.ts): what the DynamoDB store promises (results by
 * round and by start, one counter per check and minute, conditional writes of alert states on their version and
 * of day summaries, idempotent events), with each call held for an assumed DynamoDB latency and counted, so that
 * the real sweep and evaluate handlers can run 10,000 checks in seconds with their round trips still in their
 * wall time. Values are copied in and out, as a real store's round trip would.
 */
import type { AlertState } from '../functions/core/alerting/alert-state';
import type { LookoutEvent } from '../functions/core/alerting/lookout-event';
import type { ProbeCounter } from '../functions/core/ports/counter-store';
import type { DaySummary } from '../functions/core/ports/day-summary-store';
import type { LookoutStore } from '../functions/core/ports/lookout-store';
import type { StoredResult } from '../functions/core/ports/stored-result';

/** Calls made, by kind. */
export interface StoreCounts {
  /** Queries and point reads. */
  reads: number;
  /** Items written (a batch of results counts each result), failed conditional writes included. */
  writes: number;
}

/** A store in memory that counts its calls. */
export interface MemoryStore extends LookoutStore {
  readonly counts: StoreCounts;
  /** Results kept, in all. */
  resultCount(): number;
}

interface CheckData {
  /** By start time, oldest first. */
  results: StoredResult[];
  /** By minute, oldest first. */
  counters: ProbeCounter[];
  alerts: Map<string, AlertState>;
  events: Map<string, LookoutEvent>;
  days?: DaySummary;
}

/**
 * A store in memory. Each call waits `latencyMs` first (a DynamoDB round trip; 0 for none). Results older than
 * `keepResultsMs` before the newest written are dropped, as TTL would (the bench runs minutes, not a month).
 */
export function createMemoryStore(options: { latencyMs: number; keepResultsMs: number }): MemoryStore {
  const checks = new Map<string, CheckData>();
  const counts: StoreCounts = { reads: 0, writes: 0 };
  const dataOf = (checkId: string): CheckData => {
    let data = checks.get(checkId);
    if (data === undefined) {
      data = { results: [], counters: [], alerts: new Map(), events: new Map() };
      checks.set(checkId, data);
    }
    return data;
  };
  const roundTrip = () =>
    options.latencyMs > 0
      ? new Promise((resolve) => setTimeout(resolve, options.latencyMs))
      : Promise.resolve();
  const read = async () => {
    counts.reads += 1;
    await roundTrip();
  };
  const write = async (items = 1) => {
    counts.writes += items;
    await roundTrip();
  };
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    counts,
    resultCount: () => [...checks.values()].reduce((sum, data) => sum + data.results.length, 0),

    async putResults(results) {
      // In batches of 25, as the DynamoDB store writes them.
      for (let start = 0; start < results.length; start += 25)
        await write(Math.min(25, results.length - start));
      for (const stored of results) {
        const data = dataOf(stored.result.checkId);
        const at = stored.result.startedAt;
        let index = data.results.length;
        while (index > 0 && (data.results[index - 1]?.result.startedAt ?? '') > at) index--;
        data.results.splice(index, 0, copy(stored));
        const newestMs = Date.parse(data.results.at(-1)?.result.startedAt ?? stored.result.startedAt);
        const keptFrom = data.results.findIndex(
          (kept) => Date.parse(kept.result.startedAt) >= newestMs - options.keepResultsMs,
        );
        if (keptFrom > 0) data.results.splice(0, keptFrom);
      }
    },
    async resultsSince(checkId, fromRoundAtMs) {
      await read();
      return copy(
        dataOf(checkId)
          .results.filter((stored) => stored.roundAtMs >= fromRoundAtMs)
          .sort((a, b) => a.roundAtMs - b.roundAtMs || a.result.startedAt.localeCompare(b.result.startedAt)),
      );
    },
    async latestResults(checkId, sinceMs) {
      await read();
      const newest = new Map<string, StoredResult>();
      for (const stored of [...dataOf(checkId).results].reverse()) {
        if (Date.parse(stored.result.startedAt) < sinceMs) break;
        if (!newest.has(stored.result.region)) newest.set(stored.result.region, stored);
      }
      return copy([...newest.values()]);
    },

    async counterAtOrBefore(checkId, atMs) {
      await read();
      const minute = Math.floor(atMs / 60_000) * 60_000;
      const counters = dataOf(checkId).counters;
      for (let index = counters.length - 1; index >= 0; index--) {
        const counter = counters[index];
        if (counter !== undefined && counter.atMs <= minute) return copy(counter);
      }
      return undefined;
    },
    async putCounter(checkId, counter) {
      await write();
      const counters = dataOf(checkId).counters;
      if (counters.some((existing) => existing.atMs === counter.atMs)) return false;
      counters.push(copy(counter));
      counters.sort((a, b) => a.atMs - b.atMs);
      return true;
    },

    async daySummary(checkId) {
      await read();
      return copy(dataOf(checkId).days);
    },
    async putDaySummary(checkId, summary, previousThroughDayMs) {
      await write();
      const data = dataOf(checkId);
      if (data.days?.throughDayMs !== previousThroughDayMs) return false;
      data.days = copy(summary);
      return true;
    },

    async alertStates(checkId) {
      await read();
      return copy([...dataOf(checkId).alerts.values()]);
    },
    async saveAlertState(state) {
      await write();
      const alerts = dataOf(state.checkId).alerts;
      const stored = alerts.get(state.key);
      if ((stored?.version ?? 0) !== state.version - 1) return false;
      alerts.set(state.key, copy(state));
      return true;
    },

    async recordEvent(event) {
      await write();
      const events = dataOf(event.checkId).events;
      if (!events.has(event.id)) events.set(event.id, copy(event));
    },
    async recentEvents(checkId, limit) {
      await read();
      return copy(
        [...dataOf(checkId).events.values()]
          .sort((a, b) => b.at.localeCompare(a.at))
          .slice(0, Math.max(0, limit)),
      );
    },
  };
}
