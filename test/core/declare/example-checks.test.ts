import { describe, expect, it } from 'vitest';
import example from '../../../checks';
import { formatProblems, validateMonitor } from '../../../functions/core';

describe('checks/index.ts, the example monitor', () => {
  it('validates with zero problems', () => {
    const validation = validateMonitor(example);
    expect(validation.ok ? '' : formatProblems(validation.problems)).toBe('');
    expect(validation.ok).toBe(true);
  });

  it('shows each kind of check, from the three documented regions, with a secret header', () => {
    const validation = validateMonitor(example);
    if (!validation.ok) throw new Error(formatProblems(validation.problems));
    const { monitor } = validation;
    expect(monitor.homeRegion).toBe('us-east-1');
    expect(monitor.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    expect(new Set(monitor.checks.map((check) => check.kind))).toEqual(new Set(['http', 'tcp', 'tls']));
    const sources = new Set(
      monitor.checks.flatMap((check) => check.assertions.map((assertion) => assertion.source)),
    );
    expect(sources).toEqual(new Set(['status', 'header', 'body', 'jsonBody', 'latency', 'certificate']));
    const headerValues = monitor.checks.flatMap((check) =>
      check.kind === 'http' ? Object.values(check.headers) : [],
    );
    expect(headerValues).toContainEqual({ kind: 'secret', ref: '/lookout/status-api-key' });
    expect(monitor.checks.some((check) => check.slo !== undefined)).toBe(true);
  });

  it('is plain data that survives JSON, as it is shipped', () => {
    expect(JSON.parse(JSON.stringify(example))).toEqual(example);
  });
});
