import type { AlertKind } from './alert-kind';
import type { AlertState } from './alert-state';

/** The state of an alert that has never fired: ok since `atMs`, version 0 (not stored yet). */
export function newAlertState(checkId: string, key: string, kind: AlertKind, atMs: number): AlertState {
  return {
    checkId,
    key,
    kind,
    status: 'ok',
    since: new Date(atMs).toISOString(),
    version: 0,
    eventCount: 0,
    failedRounds: 0,
    passedRounds: 0,
    recentChangesMs: [],
    flapping: false,
    notifiedStatus: 'ok',
    outbox: [],
  };
}

/** The key of a check's alert of a kind; probe-missing alerts are per region. */
export function alertKey(kind: AlertKind, region?: string): string {
  return region === undefined ? kind : `${kind}#${region}`;
}
