import { describe, expect, it } from 'vitest';
import {
  formatAvailability,
  formatLatency,
  utcDateTime,
} from '../../../functions/core/status-page/format-status-text';

describe('formatAvailability', () => {
  it('rounds down, so any failure shows below 100%, without float noise', () => {
    expect(formatAvailability({ total: 10_000, good: 9_999 })).toBe('99.99%');
    expect(formatAvailability({ total: 100_000, good: 99_999 })).toBe('99.99%');
    expect(formatAvailability({ total: 1440, good: 1439 })).toBe('99.93%');
    expect(formatAvailability({ total: 1440, good: 1440 })).toBe('100%');
    expect(formatAvailability({ total: 8, good: 7 })).toBe('87.5%');
    expect(formatAvailability({ total: 3, good: 0 })).toBe('0%');
    expect(formatAvailability({ total: 0, good: 0 })).toBe('no data');
    expect(formatAvailability(undefined)).toBe('no data');
  });
});

describe('formatLatency and utcDateTime', () => {
  it('writes milliseconds below a second, seconds above; instants in UTC to the minute', () => {
    expect(formatLatency(87.4)).toBe('87 ms');
    expect(formatLatency(1240)).toBe('1.24 s');
    expect(utcDateTime(Date.parse('2026-11-24T09:56:59.999Z'))).toBe('2026-11-24 09:56 UTC');
  });
});
