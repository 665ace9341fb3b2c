import { describe, expect, it } from 'vitest';
import { formatResultsTable, resultLabel } from '../../functions/cli/format-results-table';
import { formatSummary } from '../../functions/cli/format-summary';
import { createPalette } from '../../functions/cli/terminal-colors';
import type { ProbeResult } from '../../functions/core/probe-result';

const plain = createPalette(false);
const ansiEscape = '\u001b[';

function probeResult(overrides: Partial<ProbeResult>): ProbeResult {
  return {
    checkId: 'api',
    kind: 'http',
    region: 'local',
    target: 'http://127.0.0.1/health',
    startedAt: new Date(0).toISOString(),
    ok: true,
    degraded: false,
    totalMs: 10,
    phases: { dnsMs: 0, connectMs: 1, tlsMs: 0, ttfbMs: 8, transferMs: 1 },
    status: 200,
    assertions: [],
    attempt: 1,
    ...overrides,
  };
}

describe('resultLabel', () => {
  it('tells passing, degraded and failing results apart', () => {
    expect(resultLabel(probeResult({}))).toBe('PASS');
    expect(resultLabel(probeResult({ degraded: true }))).toBe('DEGRADED');
    expect(resultLabel(probeResult({ ok: false }))).toBe('FAIL');
  });
});

describe('formatResultsTable', () => {
  it('has a header and one row per result with status and rounded phase latencies', () => {
    const table = formatResultsTable(
      [
        probeResult({
          checkId: 'orders-api',
          totalMs: 123.6,
          phases: { dnsMs: 4.4, connectMs: 10.5, tlsMs: 20.49, ttfbMs: 80.2, transferMs: 8.01 },
        }),
        probeResult({ checkId: 'redis', kind: 'tcp', status: undefined }),
      ],
      plain,
    );
    const [header, first, second, ...rest] = table.trimEnd().split('\n');
    expect(header?.split(/\s+/)).toEqual([
      'check',
      'result',
      'status',
      'total',
      'dns',
      'connect',
      'tls',
      'ttfb',
      'transfer',
      'error',
    ]);
    expect(first?.split(/\s+/)).toEqual([
      'orders-api',
      'PASS',
      '200',
      '124ms',
      '4ms',
      '11ms',
      '20ms',
      '80ms',
      '8ms',
    ]);
    expect(second?.split(/\s+/)).toEqual(['redis', 'PASS', '-', '10ms', '0ms', '1ms', '0ms', '8ms', '1ms']);
    expect(rest).toEqual([]);
  });

  it('aligns every column: the result column starts at the same offset on each line', () => {
    const table = formatResultsTable(
      [probeResult({ checkId: 'a' }), probeResult({ checkId: 'a-much-longer-id', ok: false })],
      plain,
    );
    const lines = table.trimEnd().split('\n');
    const offsets = lines.map((line) => line.search(/result|PASS|FAIL/));
    expect(new Set(offsets).size).toBe(1);
    expect(offsets[0]).toBeGreaterThan('a-much-longer-id'.length);
  });

  it('shows the error code, and lists each failed assertion (and only failed ones) under its row', () => {
    const table = formatResultsTable(
      [
        probeResult({
          ok: false,
          status: 503,
          error: { code: 'ASSERTION_FAILED', message: 'expected status 200, got 503' },
          assertions: [
            {
              assertion: { source: 'status', comparison: 'equals', target: 200 },
              passed: false,
              actual: 503,
              message: 'expected status 200, got 503',
            },
            {
              assertion: { source: 'latency', property: 'total', comparison: 'lessThan', target: 800 },
              passed: true,
              actual: 10,
              message: 'latency 10ms is under 800ms',
            },
          ],
        }),
      ],
      plain,
    );
    const lines = table.trimEnd().split('\n');
    expect(lines[1]).toContain('FAIL');
    expect(lines[1]).toContain('ASSERTION_FAILED 1 of 2 assertions failed');
    expect(lines[2]).toMatch(/^\s+✗ expected status 200, got 503$/);
    expect(lines).toHaveLength(3);
  });

  it('uses colours only with a colouring palette', () => {
    const results = [probeResult({}), probeResult({ checkId: 'b', ok: false })];
    expect(formatResultsTable(results, plain)).not.toContain(ansiEscape);
    expect(formatResultsTable(results, createPalette(true))).toContain(ansiEscape);
  });
});

describe('formatSummary', () => {
  it('counts checks, passed (with degraded) and failed', () => {
    const summary = formatSummary(
      [probeResult({}), probeResult({ degraded: true }), probeResult({ ok: false })],
      'local',
      plain,
    );
    expect(summary).toBe('3 checks from local: 2 passed (1 degraded), 1 failed\n');
  });
});
