import { describe, expect, it } from 'vitest';
import { defineMonitor, type ResolvedMonitor, tcp, validateMonitor } from '../../../functions/core';

function resolve(declaration: unknown): ResolvedMonitor {
  const validation = validateMonitor(declaration);
  if (!validation.ok) throw new Error(`expected a valid monitor, got ${JSON.stringify(validation.problems)}`);
  return validation.monitor;
}

const checks = [
  tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
  tcp({ id: 'cache', host: 'cache.example.com', port: 6379 }),
];

describe('normalizing maintenance windows', () => {
  it('resolves a one-off window to epoch milliseconds, applying its offsets', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        maintenance: [
          {
            start: '2026-12-01T03:00:00+01:00',
            end: '2026-12-01T04:30:00.250Z',
            reason: 'database upgrade',
            checks: ['db'],
          },
        ],
        checks,
      }),
    );
    expect(resolved.maintenance).toEqual([
      {
        kind: 'once',
        startMs: Date.UTC(2026, 11, 1, 2, 0, 0),
        endMs: Date.UTC(2026, 11, 1, 4, 30, 0, 250),
        reason: 'database upgrade',
        checks: ['db'],
      },
    ]);
  });

  it('resolves a weekly window to UTC day numbers (Sunday 0), a start minute and a duration', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        maintenance: [{ weekly: { days: ['sat', 'sun', 'wed'], at: '22:30', duration: '3h' } }],
        checks,
      }),
    );
    expect(resolved.maintenance).toEqual([
      { kind: 'weekly', days: [0, 3, 6], startMinuteOfDay: 22 * 60 + 30, durationMs: 3 * 3_600_000 },
    ]);
  });

  it('leaves checks out for a window that silences every check, and defaults to no windows', () => {
    const withWindow = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        maintenance: [{ weekly: { days: ['mon'], at: '00:00', duration: '1d' } }],
        checks,
      }),
    );
    expect(withWindow.maintenance[0]).not.toHaveProperty('checks');
    expect(resolve(defineMonitor({ homeRegion: 'us-east-1', checks })).maintenance).toEqual([]);
  });

  it('does not share the checks list with the declaration', () => {
    const declaration = defineMonitor({
      homeRegion: 'us-east-1',
      maintenance: [{ weekly: { days: ['mon'], at: '00:00', duration: '1h' }, checks: ['db'] }],
      checks,
    });
    resolve(declaration).maintenance[0]?.checks?.push('cache');
    expect(declaration.maintenance?.[0]?.checks).toEqual(['db']);
  });
});

describe('normalizing the new alert and metrics options', () => {
  it('defaults certificate thresholds to 21 and 7 days, no reminders, and lean metrics', () => {
    const resolved = resolve(defineMonitor({ homeRegion: 'us-east-1', checks }));
    expect(resolved.metrics).toEqual({
      perRegion: false,
      phases: false,
      certificate: false,
      sloBudget: false,
    });
    for (const check of resolved.checks) {
      expect(check.alert).toEqual({
        regionsToFail: 1,
        consecutiveFailures: 2,
        consecutiveSuccesses: 2,
        certificateWarningDays: 21,
        certificateCriticalDays: 7,
      });
    }
  });

  it('inherits thresholds and reminders from defaults, field by field, and converts remindEvery', () => {
    const resolved = resolve(
      defineMonitor({
        homeRegion: 'us-east-1',
        defaults: { alert: { certificateWarningDays: 30, remindEvery: '4h' } },
        metrics: { perRegion: true, sloBudget: true },
        checks: [
          tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
          tcp({
            id: 'cache',
            host: 'cache.example.com',
            port: 6379,
            alert: { certificateCriticalDays: 14, remindEvery: '30m' },
          }),
        ],
      }),
    );
    expect(resolved.metrics).toEqual({ perRegion: true, phases: false, certificate: false, sloBudget: true });
    expect(resolved.checks.map((check) => check.alert)).toEqual([
      expect.objectContaining({
        certificateWarningDays: 30,
        certificateCriticalDays: 7,
        remindEveryMs: 14_400_000,
      }),
      expect.objectContaining({
        certificateWarningDays: 30,
        certificateCriticalDays: 14,
        remindEveryMs: 1_800_000,
      }),
    ]);
  });

  it('keeps each metrics option given and fills the others with false', () => {
    const options = ['perRegion', 'phases', 'certificate', 'sloBudget'] as const;
    for (const option of options) {
      const resolved = resolve(
        defineMonitor({ homeRegion: 'us-east-1', metrics: { [option]: true }, checks }),
      );
      expect(resolved.metrics).toEqual(Object.fromEntries(options.map((other) => [other, other === option])));
    }
  });
});
