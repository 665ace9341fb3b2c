import type { AlertState } from '../alerting/alert-state';

/** Alert states, changed only by conditional writes on their version. */
export interface AlertStateStore {
  /** Every alert state of a check. */
  alertStates(checkId: string): Promise<AlertState[]>;
  /**
   * Writes `state` when the stored version of the same (checkId, key) is `state.version - 1`, or when none
   * is stored and `state.version` is 1. Resolves false when another writer got there first (nothing written).
   */
  saveAlertState(state: AlertState): Promise<boolean>;
}
