import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../../functions/core/alerting/alert-state';
import { applyStatusChange, type DesiredStatus } from '../../../functions/core/alerting/apply-status-change';
import { followUp } from '../../../functions/core/alerting/follow-up';
import { newAlertState } from '../../../functions/core/alerting/new-alert-state';

const details = { checkName: 'API', target: 'https://x.test/', regions: ['a'], summary: 'API is down' };
const firing = (severity: DesiredStatus['severity'] = 'critical'): DesiredStatus => ({
  status: 'firing',
  severity,
  details,
});
const ok: DesiredStatus = {
  status: 'ok',
  severity: 'info',
  details: { ...details, summary: 'API is up again' },
};
const startMs = Date.parse('2026-11-02T00:00:00Z');

function fresh(): AlertState {
  return newAlertState('api', 'outage', 'outage', startMs);
}

describe('applyStatusChange', () => {
  it('opens with one queued event, and does nothing when the status does not change', () => {
    const { state } = applyStatusChange(fresh(), firing(), { nowMs: startMs });
    expect(state.outbox.map((event) => [event.type, event.severity, event.id])).toEqual([
      ['opened', 'critical', 'api:outage:1'],
    ]);
    expect(applyStatusChange(state, firing(), { nowMs: startMs + 1 }).state).toBe(state);
  });

  it('escalates to a higher severity only, and resolves with the incident start as since', () => {
    const opened = applyStatusChange(fresh(), firing('warning'), { nowMs: startMs }).state;
    const escalated = applyStatusChange(opened, firing('critical'), { nowMs: startMs + 60_000 }).state;
    expect(escalated.outbox.map((event) => event.type)).toEqual(['opened', 'escalated']);
    const calmer = applyStatusChange(escalated, firing('warning'), { nowMs: startMs + 120_000 }).state;
    expect(calmer.outbox).toHaveLength(2);
    const resolved = applyStatusChange(calmer, ok, { nowMs: startMs + 180_000 }).state;
    expect(resolved.outbox.at(-1)).toMatchObject({ type: 'resolved', severity: 'info', since: opened.since });
  });

  it('records but does not queue what a maintenance window silences', () => {
    const outcome = applyStatusChange(fresh(), firing(), { nowMs: startMs, silencedBy: 'upgrade' });
    expect(outcome.state.outbox).toEqual([]);
    expect(outcome.silencedEvents).toMatchObject([{ type: 'opened', silenced: true }]);
    expect(outcome.state.status).toBe('firing');
  });

  it('holds changes once flapping, after notifying the change that made it flap', () => {
    let state = fresh();
    for (let change = 0; change < 6; change += 1) {
      state = applyStatusChange(state, change % 2 === 0 ? firing() : ok, {
        nowMs: startMs + change * 120_000,
      }).state;
    }
    expect(state.flapping).toBe(true);
    expect(state.outbox).toHaveLength(4);
    expect(state.outbox.at(-1)?.summary).toContain('flapping');
  });
});

describe('followUp', () => {
  it('settles a flapping alert after a quiet hour and tells subscribers the status they missed', () => {
    let state = fresh();
    for (let change = 0; change < 5; change += 1) {
      state = applyStatusChange(state, change % 2 === 0 ? firing() : ok, {
        nowMs: startMs + change * 60_000,
      }).state;
    }
    state = { ...state, outbox: [], notifiedStatus: 'ok' };
    expect(followUp(state, { nowMs: startMs + 30 * 60_000 }).state).toBe(state);
    const settled = followUp(state, { nowMs: startMs + 4 * 60_000 + 3_600_001 }).state;
    expect(settled.flapping).toBe(false);
    expect(settled.outbox.map((event) => event.type)).toEqual(['opened']);
  });

  it('reminds after remindEvery since the last notification, and never while silenced', () => {
    const opened = applyStatusChange(fresh(), firing(), { nowMs: startMs }).state;
    const notified: AlertState = {
      ...opened,
      outbox: [],
      notifiedStatus: 'firing',
      notifiedSeverity: 'critical',
      lastNotifiedAt: new Date(startMs).toISOString(),
    };
    expect(followUp(notified, { nowMs: startMs + 59 * 60_000 }, 3_600_000).state).toBe(notified);
    expect(followUp(notified, { nowMs: startMs + 3_600_000, silencedBy: 'upgrade' }, 3_600_000).state).toBe(
      notified,
    );
    const reminded = followUp(notified, { nowMs: startMs + 3_600_000 }, 3_600_000).state;
    expect(reminded.outbox.map((event) => [event.type, event.id])).toEqual([['reminder', 'api:outage:2']]);
  });
});
