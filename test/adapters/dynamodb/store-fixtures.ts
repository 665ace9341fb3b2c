import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createDynamoDbStore,
  type DynamoDbStoreOptions,
} from '../../../functions/adapters/dynamodb/create-dynamodb-store';
import type { AlertState } from '../../../functions/core/alerting/alert-state';
import { type LookoutEvent, lookoutEventSchema } from '../../../functions/core/alerting/lookout-event';
import { newAlertState } from '../../../functions/core/alerting/new-alert-state';
import type { LookoutStore } from '../../../functions/core/ports/lookout-store';
import type { StoredResult } from '../../../functions/core/ports/stored-result';
import type { ProbeResult } from '../../../functions/core/probe-result';

/** A sleep that returns at once and records the delays asked for. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delaysMs: number[] } {
  const delaysMs: number[] = [];
  return {
    delaysMs,
    sleep: async (ms) => {
      delaysMs.push(ms);
    },
  };
}

/** A store over `client` and `tableName` whose retries do not wait. */
export function testStore(
  client: DynamoDBClient,
  tableName: string,
  overrides: Partial<DynamoDbStoreOptions> = {},
): LookoutStore {
  return createDynamoDbStore({ client, tableName, sleep: async () => {}, ...overrides });
}

/** A probe result of `checkId` from `region` that started at `startedAtMs`. */
export function probeResult(
  checkId: string,
  region: string,
  startedAtMs: number,
  overrides: Partial<ProbeResult> = {},
): ProbeResult {
  return {
    checkId,
    kind: 'http',
    region,
    target: `https://${checkId}.example.test/health`,
    startedAt: new Date(startedAtMs).toISOString(),
    ok: true,
    degraded: false,
    totalMs: 42,
    phases: { dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 30, transferMs: 6 },
    status: 200,
    bytesRead: 17,
    assertions: [],
    attempt: 1,
    ...overrides,
  };
}

/** A stored result that started `delayMs` after its round. */
export function storedResult(
  checkId: string,
  region: string,
  roundAtMs: number,
  delayMs = 250,
  overrides: Partial<ProbeResult> = {},
): StoredResult {
  return { result: probeResult(checkId, region, roundAtMs + delayMs, overrides), roundAtMs };
}

/** An alert state at `version`. */
export function alertState(
  checkId: string,
  key: string,
  version: number,
  overrides: Partial<AlertState> = {},
): AlertState {
  return {
    ...newAlertState(checkId, key, 'outage', Date.parse('2030-01-01T00:00:00.000Z')),
    version,
    ...overrides,
  };
}

/** An event of `checkId` at `atMs`. */
export function lookoutEvent(checkId: string, atMs: number, id: string): LookoutEvent {
  return {
    schema: lookoutEventSchema,
    id,
    type: 'opened',
    kind: 'outage',
    severity: 'critical',
    checkId,
    checkName: checkId,
    target: `https://${checkId}.example.test/health`,
    regions: ['us-east-1'],
    since: new Date(atMs).toISOString(),
    at: new Date(atMs).toISOString(),
    summary: `${checkId} is down in 1 of 1 regions`,
  };
}
