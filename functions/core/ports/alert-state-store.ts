import type { AlertState } from '../alerting/alert-state';

/**
 * How fresh a read must be: `eventual` (half the price) where a conditional write guards what is done with it,
 * `strong` to see every write acknowledged before the read.
 */
export type ReadConsistency = 'eventual' | 'strong';

/** Alert states, changed only by conditional writes on their version. */
export interface AlertStateStore {
  /**
   * Every alert state of a check.
   * @param consistency `eventual` by default: a stale state only makes the next conditional save fail (and the
   * caller read again, strongly).
   */
  alertStates(checkId: string, consistency?: ReadConsistency): Promise<AlertState[]>;
  /**
   * Writes `state` when the stored version of the same (checkId, key) is `state.version - 1`, or when none
   * is stored and `state.version` is 1. Resolves false when another writer got there first (nothing written).
   */
  saveAlertState(state: AlertState): Promise<boolean>;
}
