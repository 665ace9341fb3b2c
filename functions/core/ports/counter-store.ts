/** Probes counted for a check's SLO and history: every probe, and those good for each objective. */
export interface ProbeTotals {
  /** Probes counted. */
  total: number;
  /** Of them, the ok ones. */
  availabilityGood: number;
  /** Of them, the ok ones at or under the SLO's latency threshold (every ok one without a latency objective). */
  latencyGood: number;
}

/**
 * A closed round that not every region had reported when it was counted: results of the missing regions that
 * arrive later (within `lateResultHorizonMs`) are counted by a later counter.
 */
export interface PartialRound {
  /** The round's start, epoch milliseconds. */
  roundAtMs: number;
  /**
   * The regions counted so far: bit `i` stands for `check.regions[i]` (a deploy that changes the check's regions
   * may misplace the late results of the quarter hour around it).
   */
  countedRegions: number;
}

/**
 * A check's running totals since it was first counted, as one sweep minute left them. The probes of any window
 * `(a, b]` are `totalsAt(b) − totalsAt(a)`: one point read per window boundary, whatever the window's length.
 */
export interface ProbeCounter extends ProbeTotals {
  /** The sweep minute that wrote it, epoch milliseconds (a whole minute): its place in time. */
  atMs: number;
  /** Every round that started at or before this was closed and counted (a missing region's results too, if late). */
  countedThroughRoundAtMs: number;
  /** Recent closed rounds with regions still missing, oldest first. */
  partialRounds: PartialRound[];
  /** The start (epoch ms) of the newest counted result of each region that ever reported: when it last reported. */
  lastReportedMs: Record<string, number>;
  /**
   * The running histogram of the counted ok probes' total latency (core/slo/latency-histogram.ts): the status
   * page's percentiles over a window are those of `end − start`. Absent before the first ok probe, and in
   * counters written by versions without it.
   * @default undefined (no latency counted)
   */
  latencyHistogram?: number[];
}

/** Where the sweep keeps each check's counters: at most one item per check per minute. */
export interface CounterStore {
  /**
   * The newest counter whose minute is at or before `atMs` (the newest of all with `Infinity`), or undefined
   * when there is none. One point read; eventually consistent (a counter is written at least a minute before it
   * is read as a boundary, and the next counter's conditional write guards the chain).
   */
  counterAtOrBefore(checkId: string, atMs: number): Promise<ProbeCounter | undefined>;
  /**
   * Writes a counter, unless one of the same check and minute exists (a redelivered or concurrent sweep wrote
   * it first): resolves false then, and nothing is written. It expires `retentionMs` after its minute.
   */
  putCounter(checkId: string, counter: ProbeCounter, retentionMs: number): Promise<boolean>;
}
