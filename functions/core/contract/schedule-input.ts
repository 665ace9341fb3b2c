/**
 * What EventBridge Scheduler sends to the probe and sweep functions, shared by the infrastructure (which writes
 * each schedule's input) and the handlers (which read it). Every schedule fires once a minute; a function whose
 * checks do not fit one invocation has one schedule per shard.
 */
export interface ScheduledInput {
  /** ISO 8601, the scheduler's `<aws.scheduler.scheduled-time>`. */
  scheduledTime?: string;
  /**
   * Which shard of the checks this invocation handles, from 0.
   * @default 0
   */
  shard?: number;
  /**
   * How many shards the checks are split into (by a stable hash of the check id).
   * @default 1
   */
  shardCount?: number;
}

/**
 * What the probe function sends itself, through its region's round queue, for each later round of a minute:
 * the invocation the scheduler starts runs the minute's first round and queues one of these per sub-minute
 * round with SQS `DelaySeconds` set to the time left until that round, so no invocation waits idle for the
 * next round. The queue invokes the probe function with the message body (JSON) for just that round.
 *
 * Cost: per probe region and shard with sub-minute checks, one SendMessageBatch per minute (up to 10 rounds;
 * 11 distinct later rounds at most, so 2) plus a receive and a delete per round: at 10 s intervals about
 * 475,000 requests a month, $0.19 at $0.40 per million, shared by every check of the shard (plus the idle long
 * polls of the event source mapping, at most about $0.26 a month per region).
 */
export interface RoundInput {
  /** The round's start, epoch milliseconds (a time at which the round's checks are due). */
  roundAtMs: number;
  /** The shard the scheduled invocation ran: the round probes that shard's checks due at `roundAtMs`. */
  shard: number;
  /** How many shards the region's checks are split into. */
  shardCount: number;
}

/** The `RoundInput` in an SQS message body, or `undefined` when the body is not one. */
export function parseRoundInput(body: string): RoundInput | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { roundAtMs, shard, shardCount } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(roundAtMs) || !Number.isSafeInteger(shardCount) || !Number.isSafeInteger(shard)) {
    return undefined;
  }
  const input = { roundAtMs, shard, shardCount } as RoundInput;
  return input.shardCount >= 1 && input.shard >= 0 && input.shard < input.shardCount ? input : undefined;
}
