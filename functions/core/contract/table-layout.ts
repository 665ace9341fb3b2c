/**
 * The layout of Lookout's one DynamoDB table, shared by the storage adapter and the infrastructure (which may
 * not import adapters). Plain constants only.
 *
 * Every item of a check has `pk = check#<checkId>`; sort keys:
 * - `result#<startedAt ISO>#<region>`: a result, written once, in compact form (expires after the retention);
 * - `count#<sweep minute ms, 13 digits>`: the check's running probe counts at that minute, written by the sweep
 *   at most once a minute (expires after the retention, or the SLO window if longer);
 * - `alert#<key>`: an alert state;
 * - `event#<at ISO>#<eventId>`: the incident history (expires);
 * - `days`: the check's closed UTC days (probes and ok probes of each, the last 90), rewritten by the sweep once a
 *   day: the status page's daily bars (expires 90 days after its last write).
 *
 * Tables written by earlier versions also hold `latest#<region>` items (no longer read or written, one per
 * region and check) and `rollup#…` items (expiring).
 */
export const tableLayout = {
  /** The partition key attribute (string). */
  partitionKey: 'pk',
  /** The sort key attribute (string). */
  sortKey: 'sk',
  /** The TTL attribute: epoch seconds. */
  ttlAttribute: 'expiresAt',
  /** The table's stream carries new images. */
  streamViewType: 'NEW_IMAGE',
  /** The prefix of every partition key, before the check id. */
  checkPartitionPrefix: 'check#',
  /** Sort key prefixes. */
  sortKeyPrefix: {
    result: 'result#',
    counter: 'count#',
    alert: 'alert#',
    event: 'event#',
  },
  /** The sort key of a check's one day summary item. */
  daySummarySortKey: 'days',
  /** The digits of a counter's minute in its sort key (zero-padded epoch milliseconds). */
  counterMinuteDigits: 13,
  /** Attributes of result items. */
  resultAttributes: {
    /**
     * String: the result in compact JSON (`CompactResult` in the DynamoDB adapter): what the check, the key and
     * the declared assertions already say is left out, latencies in tenths of a millisecond.
     */
    compact: 'c',
    /** String, items of earlier versions only (read, never written): the whole ProbeResult as JSON. */
    legacyResult: 'result',
    /** Number, items of earlier versions only: the round's start, epoch ms. */
    legacyRoundAtMs: 'roundAtMs',
  },
  /** Attributes of counter items. */
  counterAttributes: {
    /** Number: probes counted since the check's first counter. */
    total: 'total',
    /** Number: of them, ok. */
    availabilityGood: 'availabilityGood',
    /** Number: of them, ok and within the latency objective. */
    latencyGood: 'latencyGood',
    /** Number: every round that started at or before this (epoch ms) is counted. */
    countedThroughRoundAtMs: 'countedThroughRoundAtMs',
    /** String, when some recent round misses a region: `<roundAtMs base 36>:<region bits base 36>`, comma-separated. */
    partialRounds: 'partialRounds',
    /** String: JSON `{ region: start epoch ms }` of each region's newest counted result. */
    lastReportedMs: 'lastReportedMs',
    /**
     * String, once an ok probe was counted: the running latency histogram, `<bucket base 36>:<count base 36>` for
     * each bucket with a count, comma-separated (core/slo/latency-histogram.ts).
     */
    latencyHistogram: 'latencyHistogram',
  },
  /** Attributes of the day summary item. */
  daySummaryAttributes: {
    /** Number: midnight UTC (epoch ms) after the newest summarized day; where today's tally starts. */
    throughDayMs: 'throughDayMs',
    /** String: the counter totals at `throughDayMs`, `<total base 36>:<availabilityGood base 36>`. */
    base: 'base',
    /**
     * String: the summarized days, oldest first, each `<total base 36>:<availabilityGood base 36>` (empty for a day
     * without probes), comma-separated; the last one is the day before `throughDayMs`.
     */
    days: 'days',
  },
  /** Attributes of alert state items. */
  alertAttributes: {
    /** Number: the condition of the next write. */
    version: 'version',
    /** String: the AlertState as JSON. */
    state: 'state',
  },
  /** Attributes of event items. */
  eventAttributes: {
    /** String: the LookoutEvent as JSON. */
    event: 'event',
  },
} as const;
