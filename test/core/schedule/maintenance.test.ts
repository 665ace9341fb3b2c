import { describe, expect, it } from 'vitest';
import {
  defineMonitor,
  isInMaintenance,
  type ResolvedMaintenanceWindow,
  tcp,
  validateMonitor,
} from '../../../functions/core';

const at = (iso: string) => Date.parse(iso);
const hourMs = 3_600_000;

describe('isInMaintenance with one-off windows', () => {
  const window: ResolvedMaintenanceWindow = {
    kind: 'once',
    startMs: at('2026-12-01T02:00:00Z'),
    endMs: at('2026-12-01T04:00:00Z'),
    reason: 'upgrade',
  };

  it.each([
    ['2026-12-01T01:59:59.999Z', false],
    ['2026-12-01T02:00:00Z', true],
    ['2026-12-01T03:59:59.999Z', true],
    ['2026-12-01T04:00:00Z', false],
  ])('covers [start, end): %s → %s', (instant, covered) => {
    expect(isInMaintenance([window], 'any', at(instant))).toBe(covered ? window : undefined);
  });

  it('covers only the listed checks when it lists some', () => {
    const listed = { ...window, checks: ['db'] };
    expect(isInMaintenance([listed], 'db', at('2026-12-01T03:00:00Z'))).toBe(listed);
    expect(isInMaintenance([listed], 'cache', at('2026-12-01T03:00:00Z'))).toBeUndefined();
  });

  it('returns the first window that covers the check', () => {
    const forCache: ResolvedMaintenanceWindow = { ...window, checks: ['cache'], reason: 'cache' };
    const forAll: ResolvedMaintenanceWindow = { ...window, reason: 'all' };
    expect(isInMaintenance([forCache, forAll], 'db', at('2026-12-01T03:00:00Z'))?.reason).toBe('all');
    expect(isInMaintenance([forCache, forAll], 'cache', at('2026-12-01T03:00:00Z'))?.reason).toBe('cache');
    expect(isInMaintenance([], 'cache', at('2026-12-01T03:00:00Z'))).toBeUndefined();
  });
});

describe('isInMaintenance with weekly windows (UTC; 2026-12-04 is a Friday, 12-05 Saturday, 12-06 Sunday)', () => {
  it('checks the calendar the cases rely on', () => {
    expect(new Date('2026-12-04T00:00:00Z').getUTCDay()).toBe(5);
  });

  it.each([
    ['2026-12-04T21:59:59Z', false],
    ['2026-12-04T22:00:00Z', true],
    ['2026-12-04T22:59:59Z', true],
    ['2026-12-04T23:00:00Z', false],
    ['2026-12-05T22:30:00Z', false],
    ['2026-12-11T22:30:00Z', true],
  ])('Fridays 22:00 for 1h: %s → %s', (instant, covered) => {
    const window: ResolvedMaintenanceWindow = {
      kind: 'weekly',
      days: [5],
      startMinuteOfDay: 22 * 60,
      durationMs: hourMs,
    };
    expect(isInMaintenance([window], 'db', at(instant)) !== undefined).toBe(covered);
  });

  it.each([
    ['2026-12-04T23:00:00Z', true],
    ['2026-12-05T00:59:59Z', true],
    ['2026-12-05T01:00:00Z', false],
    ['2026-12-03T23:30:00Z', false],
  ])('Fridays 23:00 for 2h crosses midnight into Saturday: %s → %s', (instant, covered) => {
    const window: ResolvedMaintenanceWindow = {
      kind: 'weekly',
      days: [5],
      startMinuteOfDay: 23 * 60,
      durationMs: 2 * hourMs,
    };
    expect(isInMaintenance([window], 'db', at(instant)) !== undefined).toBe(covered);
  });

  it.each([
    ['2026-12-05T23:30:00Z', true],
    ['2026-12-06T00:30:00Z', true],
    ['2026-12-06T01:00:00Z', false],
    ['2026-12-06T23:30:00Z', false],
  ])('Saturdays 23:00 for 2h crosses the week boundary into Sunday: %s → %s', (instant, covered) => {
    const window: ResolvedMaintenanceWindow = {
      kind: 'weekly',
      days: [6],
      startMinuteOfDay: 23 * 60,
      durationMs: 2 * hourMs,
    };
    expect(isInMaintenance([window], 'db', at(instant)) !== undefined).toBe(covered);
  });

  it('a full-day window on Sunday covers all of Sunday and nothing of Monday', () => {
    const window: ResolvedMaintenanceWindow = {
      kind: 'weekly',
      days: [0],
      startMinuteOfDay: 0,
      durationMs: 24 * hourMs,
    };
    expect(isInMaintenance([window], 'db', at('2026-12-06T00:00:00Z'))).toBe(window);
    expect(isInMaintenance([window], 'db', at('2026-12-06T23:59:59.999Z'))).toBe(window);
    expect(isInMaintenance([window], 'db', at('2026-12-07T00:00:00Z'))).toBeUndefined();
    expect(isInMaintenance([window], 'db', at('2026-12-05T23:59:59.999Z'))).toBeUndefined();
  });

  it('works before the epoch week and far after it', () => {
    const window: ResolvedMaintenanceWindow = {
      kind: 'weekly',
      days: [4],
      startMinuteOfDay: 0,
      durationMs: hourMs,
    };
    expect(isInMaintenance([window], 'db', at('1970-01-01T00:30:00Z'))).toBe(window); // a Thursday
    expect(isInMaintenance([window], 'db', at('2100-01-07T00:30:00Z'))).toBe(window); // a Thursday
    expect(isInMaintenance([window], 'db', at('2100-01-08T00:30:00Z'))).toBeUndefined();
  });

  it('applies declared windows end to end: declaration → validation → lookup', () => {
    const validation = validateMonitor(
      defineMonitor({
        homeRegion: 'us-east-1',
        maintenance: [
          { weekly: { days: ['sat'], at: '23:00', duration: '2h' }, checks: ['db'], reason: 'backups' },
        ],
        checks: [
          tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
          tcp({ id: 'web', host: 'w.example.com', port: 80 }),
        ],
      }),
    );
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    const { maintenance } = validation.monitor;
    expect(isInMaintenance(maintenance, 'db', at('2026-12-06T00:30:00Z'))?.reason).toBe('backups');
    expect(isInMaintenance(maintenance, 'web', at('2026-12-06T00:30:00Z'))).toBeUndefined();
    expect(isInMaintenance(maintenance, 'db', at('2026-12-06T01:30:00Z'))).toBeUndefined();
  });
});
