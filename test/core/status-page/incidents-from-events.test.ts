import { describe, expect, it } from 'vitest';
import { minuteMs } from '../../../functions/core/declare/duration';
import { incidentsFromEvents } from '../../../functions/core/status-page';
import { event, nowMs, realisticEvents } from './status-page-fixture';

const sinceMs = nowMs - 30 * minuteMs;
const opened = event(
  'api',
  'outage',
  3,
  'opened',
  'warning',
  sinceMs,
  sinceMs + minuteMs,
  'api is down in 2 of 3 regions',
  {
    lastFailure: {
      region: 'eu-west-1',
      at: '',
      code: 'TIMEOUT',
      message: 'no answer in 5 s',
      failedAssertions: [],
    },
  },
);
const escalated = event(
  'api',
  'outage',
  4,
  'escalated',
  'critical',
  sinceMs,
  sinceMs + 3 * minuteMs,
  'api is down in 3 of 3 regions',
);
const reminder = event(
  'api',
  'outage',
  5,
  'reminder',
  'critical',
  sinceMs,
  sinceMs + 9 * minuteMs,
  'api is still down',
);
const resolved = event(
  'api',
  'outage',
  6,
  'resolved',
  'info',
  sinceMs,
  sinceMs + 12 * minuteMs,
  'api is up again',
);

describe('incidentsFromEvents', () => {
  it('makes one incident of an alert from opened to resolved, in any order, each event once', () => {
    const [incident, ...others] = incidentsFromEvents([resolved, reminder, opened, escalated, opened]);
    expect(others).toEqual([]);
    expect(incident).toEqual({
      id: `api:outage@${new Date(sinceMs).toISOString()}`,
      checkId: 'api',
      kind: 'outage',
      severity: 'critical',
      summary: 'api is up again',
      openedAtMs: sinceMs,
      escalatedAtMs: sinceMs + 3 * minuteMs,
      resolvedAtMs: sinceMs + 12 * minuteMs,
      duringMaintenance: false,
      lastError: { code: 'TIMEOUT', message: 'no answer in 5 s' },
      events: [
        {
          id: 'api:outage:3',
          type: 'opened',
          atMs: sinceMs + minuteMs,
          severity: 'warning',
          summary: 'api is down in 2 of 3 regions',
        },
        {
          id: 'api:outage:4',
          type: 'escalated',
          atMs: sinceMs + 3 * minuteMs,
          severity: 'critical',
          summary: 'api is down in 3 of 3 regions',
        },
        {
          id: 'api:outage:6',
          type: 'resolved',
          atMs: sinceMs + 12 * minuteMs,
          severity: 'info',
          summary: 'api is up again',
        },
      ],
    });
  });

  it('keeps an incident whose opening event has left the log, opened when it began', () => {
    const [incident] = incidentsFromEvents([resolved]);
    expect(incident?.openedAtMs).toBe(sinceMs);
    expect(incident?.severity).toBe('info');
    expect(incident?.id).toBe(`api:outage@${new Date(sinceMs).toISOString()}`);
  });

  it('is open without a resolved event, and separates incidents of the same alert by when they began', () => {
    const again = event(
      'api',
      'outage',
      7,
      'opened',
      'critical',
      nowMs - minuteMs,
      nowMs,
      'api is down again',
    );
    const incidents = incidentsFromEvents([opened, escalated, resolved, again]);
    expect(incidents.map((incident) => [incident.openedAtMs, incident.resolvedAtMs])).toEqual([
      [nowMs - minuteMs, undefined],
      [sinceMs, sinceMs + 12 * minuteMs],
    ]);
  });

  it('keeps outages and degradations by default, any kinds when asked', () => {
    const events = realisticEvents();
    expect(new Set(incidentsFromEvents(events).map((incident) => incident.kind))).toEqual(
      new Set(['outage', 'degraded']),
    );
    expect(incidentsFromEvents(events, ['certificate']).map((incident) => incident.checkId)).toEqual([
      'website',
    ]);
  });

  it('marks an incident a maintenance window silenced', () => {
    const silenced = incidentsFromEvents(realisticEvents()).find(
      (incident) => incident.checkId === 'billing-db',
    );
    expect(silenced?.duringMaintenance).toBe(true);
  });
});
