/**
 * The layout of Lookout's one DynamoDB table, shared by the storage adapter and the infrastructure (which may
 * not import adapters). Plain constants only.
 *
 * Every item of a check has `pk = check#<checkId>`; sort keys:
 * - `result#<startedAt ISO>#<region>`: a raw result (expires);
 * - `latest#<region>`: the latest result of a region (kept);
 * - `rollup#m#<bucket start ms, 13 digits>` and `rollup#h#<...>`: SLO rollups (expire);
 * - `alert#<key>`: an alert state;
 * - `event#<at ISO>#<eventId>`: the incident history (expires).
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
    latest: 'latest#',
    minuteRollup: 'rollup#m#',
    hourRollup: 'rollup#h#',
    alert: 'alert#',
    event: 'event#',
  },
  /** The digits of a rollup bucket's start in its sort key (zero-padded epoch milliseconds). */
  rollupStartDigits: 13,
  /** Attributes of result and latest items. */
  resultAttributes: {
    /** String: the ProbeResult as JSON. */
    result: 'result',
    /** Number: the round's start, epoch ms. */
    roundAtMs: 'roundAtMs',
    /** String. */
    region: 'region',
    /** Boolean. */
    ok: 'ok',
    /** Number, latest items only: the result's start, epoch ms (the condition that keeps the newest). */
    startedAtMs: 'startedAtMs',
  },
  /** Attributes of rollup items (numbers). */
  rollupAttributes: {
    total: 'total',
    availabilityGood: 'availabilityGood',
    latencyGood: 'latencyGood',
    /** The prefix of a region's watermark: the start (epoch ms) of the latest sample counted from it. */
    watermarkPrefix: 'wm_',
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
