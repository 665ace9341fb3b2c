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
