import { describe, expect, it } from 'vitest';
import { dayMs, hourMs, minuteMs } from '../../../functions/core/declare/duration';
import type { ResolvedMaintenanceWindow } from '../../../functions/core/resolve/resolved-monitor';
import { isInMaintenance } from '../../../functions/core/schedule/maintenance';
import { maintenanceOccurrences } from '../../../functions/core/status-page';
import { nowMs } from './status-page-fixture';

const saturdayNight: ResolvedMaintenanceWindow = {
  kind: 'weekly',
  days: [6, 3],
  startMinuteOfDay: 23 * 60,
  durationMs: 2 * hourMs,
  reason: 'patching',
};

describe('maintenanceOccurrences', () => {
  it('lists the weekly occurrences in progress or starting within the horizon, soonest first', () => {
    const occurrences = maintenanceOccurrences([saturdayNight], nowMs, 14 * dayMs);
    expect(occurrences.map((occurrence) => new Date(occurrence.startMs).toISOString())).toEqual([
      '2026-11-25T23:00:00.000Z',
      '2026-11-28T23:00:00.000Z',
      '2026-12-02T23:00:00.000Z',
      '2026-12-05T23:00:00.000Z',
    ]);
    expect(occurrences[0]).toMatchObject({
      endMs: Date.parse('2026-11-26T01:00:00.000Z'),
      reason: 'patching',
    });
  });

  it('agrees with isInMaintenance: inside each occurrence, and not just before or at its end', () => {
    for (const atMs of [nowMs, nowMs + 4 * dayMs + 13 * hourMs]) {
      for (const occurrence of maintenanceOccurrences([saturdayNight], atMs)) {
        expect(isInMaintenance([saturdayNight], 'api', occurrence.startMs)).toBeDefined();
        expect(isInMaintenance([saturdayNight], 'api', occurrence.endMs - 1)).toBeDefined();
        expect(isInMaintenance([saturdayNight], 'api', occurrence.startMs - minuteMs)).toBeUndefined();
        expect(isInMaintenance([saturdayNight], 'api', occurrence.endMs)).toBeUndefined();
      }
    }
  });

  it('includes an occurrence that began last week and is still in progress', () => {
    const sundayMs = Date.parse('2026-11-29T00:30:00.000Z');
    const [first] = maintenanceOccurrences([saturdayNight], sundayMs);
    expect(first?.startMs).toBe(Date.parse('2026-11-28T23:00:00.000Z'));
  });

  it('keeps a one-off window until it ends, and its checks', () => {
    const once: ResolvedMaintenanceWindow = {
      kind: 'once',
      startMs: nowMs - hourMs,
      endMs: nowMs + hourMs,
      checks: ['api'],
    };
    expect(maintenanceOccurrences([once], nowMs)).toEqual([
      { startMs: nowMs - hourMs, endMs: nowMs + hourMs, checkIds: ['api'] },
    ]);
    expect(maintenanceOccurrences([once], nowMs + hourMs)).toEqual([]);
    expect(maintenanceOccurrences([once], nowMs - 8 * dayMs)).toEqual([]);
  });
});
