import { describe, expect, it } from 'vitest';
import { renderStatusJson, type StatusJson, statusJsonSchema } from '../../../functions/core/status-page';
import { hostile, hostileText, realisticStatusPage } from './status-page-fixture';

function parsed(...args: Parameters<typeof realisticStatusPage>): StatusJson {
  return JSON.parse(renderStatusJson(realisticStatusPage(...args))) as StatusJson;
}

describe('renderStatusJson (lookout.status.v1)', () => {
  it('has the documented shape', () => {
    const json = parsed();
    expect(json.schema).toBe(statusJsonSchema);
    expect(statusJsonSchema).toBe('lookout.status.v1');
    expect(Object.keys(json)).toEqual([
      'schema',
      'title',
      'generatedAt',
      'status',
      'checks',
      'incidents',
      'maintenance',
    ]);
    expect(json.generatedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(json.status).toBe('down');
    const orders = json.checks[0];
    expect(Object.keys(orders ?? {})).toEqual([
      'id',
      'name',
      'kind',
      'state',
      'since',
      'uptime',
      'latencyMs',
      'certificate',
      'days',
      'badges',
    ]);
    expect(orders?.uptime['24h']).toEqual({ percent: 99.333, total: 600, good: 596 });
    expect(orders?.latencyMs).toEqual({ p50: 87.4, p95: 212.9 });
    expect(orders?.certificate).toEqual({ validTo: '2027-01-08T13:00:00.000Z', daysLeft: 45 });
    expect(orders?.days).toHaveLength(90);
    expect(orders?.days.at(-4)).toEqual({
      date: '2026-11-21',
      percent: 99.166,
      total: 1440,
      good: 1428,
      incidents: 1,
    });
    expect(orders?.badges.status).toBe('badges/orders-api/status.svg');
    expect(orders?.badges['uptime-30d']).toBe('badges/orders-api/uptime-30d.svg');
    const pending = json.checks.find((check) => check.id === 'status-webhook');
    expect(pending).toMatchObject({ state: 'pending', since: null, latencyMs: null, certificate: null });
    expect(pending?.uptime).toEqual({ '24h': null, '7d': null, '30d': null, '90d': null });
    expect(pending?.days[0]).toEqual({ date: '2026-08-27', percent: null, total: 0, good: 0, incidents: 0 });
  });

  it('lists incidents newest first with their times and durations, open ones without resolvedAt', () => {
    const { incidents } = parsed();
    expect(incidents.map((incident) => [incident.checkId, incident.resolvedAt === null])).toEqual([
      ['orders-api', true],
      ['search', true],
      ['orders-api', false],
      ['billing-db', false],
      ['website', false],
    ]);
    expect(incidents[2]).toEqual({
      id: 'orders-api:outage@2026-11-21T14:02:00.000Z',
      checkId: 'orders-api',
      kind: 'outage',
      severity: 'critical',
      summary: 'Orders API is up again in every region',
      openedAt: '2026-11-21T14:02:00.000Z',
      escalatedAt: '2026-11-21T14:07:00.000Z',
      resolvedAt: '2026-11-21T14:14:00.000Z',
      durationMs: 12 * 60_000,
      duringMaintenance: false,
    });
    expect(incidents[0]?.durationMs).toBe(4 * 60_000);
  });

  it('lists maintenance in progress and upcoming for listed checks only', () => {
    const { maintenance } = parsed();
    expect(maintenance).toEqual([
      {
        start: '2026-11-24T02:00:00.000Z',
        end: '2026-11-24T11:00:00.000Z',
        inProgress: true,
        checkIds: ['billing-db'],
        reason: 'Weekly database vacuum',
      },
      {
        start: '2026-11-27T01:00:00.000Z',
        end: '2026-11-27T03:00:00.000Z',
        inProgress: false,
        checkIds: null,
        reason: 'Moving to a new data centre',
      },
      {
        start: '2026-12-01T02:00:00.000Z',
        end: '2026-12-01T11:00:00.000Z',
        inProgress: false,
        checkIds: ['billing-db'],
        reason: 'Weekly database vacuum',
      },
    ]);
  });

  it('carries targets and errors only when the page shows them', () => {
    const hidden = renderStatusJson(realisticStatusPage());
    expect(hidden).not.toContain('"target"');
    expect(hidden).not.toContain('"lastError"');
    expect(hidden).not.toContain('internal');
    const shown = parsed({ targets: true, errors: true });
    expect(shown.checks[0]?.target).toBe('https://api.example.com/orders/health');
    expect(shown.checks[0]?.lastError?.code).toBe('CONNECT_TIMEOUT');
    expect(shown.checks[1]?.lastError).toBeNull();
    expect(shown.incidents[0]?.lastError?.code).toBe('CONNECT_TIMEOUT');
  });

  it('keeps hostile text as data: JSON-escaped, parsed back unchanged', () => {
    const text = renderStatusJson(realisticStatusPage({ targets: true, errors: true }, hostileText));
    expect(text).not.toContain('</script>');
    const json = JSON.parse(text) as StatusJson;
    expect(json.title).toBe(`Acme status ${hostile('title')}`);
    expect(json.checks[0]?.name).toBe(`Orders API ${hostile('name')}`);
  });
});
