import { describe, expect, it } from 'vitest';
import { defineMonitor, http, validateMonitor } from '../../functions/core';
import type { ResolvedMonitor } from '../../functions/core/resolve/resolved-monitor';
import { statusPageRefresherFromEnvironment } from '../../functions/handlers/evaluation-environment';
import { StatusPageRefresher } from '../../functions/runtime/refresh-status-page';

function monitor(statusPage: boolean): ResolvedMonitor {
  const validation = validateMonitor(
    defineMonitor({
      homeRegion: 'us-east-1',
      checks: [http({ id: 'api', url: 'https://api.example.com/' })],
      ...(statusPage ? { statusPage: { title: 'Acme status', checks: ['api'] } } : {}),
    }),
  );
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return validation.monitor;
}

describe("the sweep's status page at cold start", () => {
  it('is none without a status page, whatever the environment', () => {
    expect(statusPageRefresherFromEnvironment(monitor(false), { AWS_REGION: 'us-east-1' })).toBeUndefined();
  });

  it('publishes to the bucket the infrastructure names', () => {
    const refresher = statusPageRefresherFromEnvironment(monitor(true), {
      AWS_REGION: 'us-east-1',
      LOOKOUT_STATUS_PAGE_BUCKET: 'lookout-home-statuspagebucket-abc',
      LOOKOUT_STATUS_PAGE_URL: 'https://d111111abcdef8.cloudfront.net/',
    });
    expect(refresher).toBeInstanceOf(StatusPageRefresher);
  });

  it('fails, naming the variable, when the monitor declares a page and no bucket is named', () => {
    expect(() => statusPageRefresherFromEnvironment(monitor(true), { AWS_REGION: 'us-east-1' })).toThrow(
      'the monitor declares a status page, and LOOKOUT_STATUS_PAGE_BUCKET names no bucket to publish it to',
    );
  });
});
