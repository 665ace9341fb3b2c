import {
  type CheckDeclaration,
  defineMonitor,
  http,
  type MetricsOptions,
  type ResolvedMonitor,
  validateMonitor,
} from '../../../functions/core';
import { deployedMonitor } from '../../../functions/core/resolve/monitor-variants';

/** The regions of the standard scenario, home first. */
export const standardRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** `count` HTTPS checks with `props` (an interval, an SLO...). */
export function httpsChecks(
  count: number,
  props: Partial<Parameters<typeof http>[0]> = {},
): CheckDeclaration[] {
  return Array.from({ length: count }, (_, index) =>
    http({ id: `service-${index}`, url: `https://service-${index}.example.com/health`, ...props }),
  );
}

/** A deployed monitor of these checks, by default from the standard regions (home us-east-1). */
export function deployed(
  checks: CheckDeclaration[],
  options: {
    metrics?: MetricsOptions;
    homeRegion?: string;
    regions?: string[];
    email?: string[];
    chat?: boolean;
  } = {},
): ResolvedMonitor {
  const validation = validateMonitor(
    defineMonitor({
      homeRegion: options.homeRegion ?? 'us-east-1',
      regions: options.regions ?? standardRegions,
      ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
      alerts: {
        ...(options.email === undefined ? {} : { email: options.email }),
        ...(options.chat === undefined ? {} : { chat: options.chat }),
      },
      checks,
    }),
  );
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return deployedMonitor(validation.monitor);
}

/**
 * The standard scenario of the issue: 100 HTTPS checks, every minute, from 3 regions, with an availability and a
 * latency SLO, default settings.
 */
export function standardScenario(metrics?: MetricsOptions): ResolvedMonitor {
  return deployed(
    httpsChecks(100, { slo: { availability: 99.9, latency: { threshold: '300ms', target: 99 } } }),
    metrics === undefined ? {} : { metrics },
  );
}
