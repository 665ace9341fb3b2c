import { usesTls } from '../check-kinds';
import { localRegion } from '../declare/regions';
import type { ResolvedCheck } from '../resolve/resolved-monitor';
import { anchorPrices, type ListPrice, priceOf } from './price-list';

/** One priced quantity of an anchor. */
export interface AnchorPart {
  quantity: number;
  price: ListPrice;
  usd: number;
}

/** What the same checks cost a month with another service. */
export interface AnchorCost {
  /** Such as `'CloudWatch Synthetics'`. */
  name: string;
  /** The sum of `parts`. */
  usd: number;
  /** `usd` per check, undefined without checks. */
  usdPerCheckMonth: number | undefined;
  parts: AnchorPart[];
  /** What is counted and what is left out. */
  basis: string;
}

/** Route 53 checks every 30 s; a faster interval is its paid "fast interval" (10 s). */
const route53StandardIntervalMs = 30_000;

/**
 * The monthly cost of running the same checks, as often and from as many locations, with:
 * - CloudWatch Synthetics: one canary per check and region, each run a canary run (its own Lambda, S3 and
 *   metrics cost extra, left out);
 * - Checkly API checks: each region of each run is a run;
 * - Route 53 health checks of endpoints outside AWS: one per check, from Route 53's own ~15 locations, with the
 *   optional features the check needs: HTTPS (an `https:` URL), string matching (a body assertion), fast interval
 *   (under 30 s) and latency measurement (every Lookout check measures latency). Route 53 cannot judge headers,
 *   JSON, certificates or latency thresholds, so it does less than Lookout for the same money.
 */
export function anchorCosts(checks: readonly ResolvedCheck[], monthMs: number): AnchorCost[] {
  const runs = checks.reduce(
    (total, check) =>
      total + check.regions.filter((region) => region !== localRegion).length * (monthMs / check.intervalMs),
    0,
  );
  const route53Features = checks.reduce((total, check) => total + route53FeaturesOf(check), 0);
  const anchor = (name: string, parts: AnchorPart[], basis: string): AnchorCost => {
    const usd = parts.reduce((total, part) => total + part.usd, 0);
    return {
      name,
      usd,
      usdPerCheckMonth: checks.length === 0 ? undefined : usd / checks.length,
      parts,
      basis,
    };
  };
  const part = (quantity: number, price: ListPrice): AnchorPart => ({
    quantity,
    price,
    usd: priceOf(quantity, price),
  });
  return [
    anchor(
      'CloudWatch Synthetics',
      [part(runs, anchorPrices.syntheticsCanaryRun)],
      'a canary per check and region; its Lambda, S3 and metrics not included',
    ),
    anchor(
      'Checkly API checks',
      [part(runs, anchorPrices.checklyApiRun)],
      'each region of each run is a run',
    ),
    anchor(
      'Route 53 health checks',
      [
        part(checks.length, anchorPrices.route53HealthCheckMonth),
        part(route53Features, anchorPrices.route53OptionalFeatureMonth),
      ],
      'one per check, outside AWS, with HTTPS, string match, fast interval, latency as needed; cannot judge headers, JSON, certificates',
    ),
  ];
}

/** The optional Route 53 features a health check needs to do what the Lookout check does, as far as it can. */
export function route53FeaturesOf(check: ResolvedCheck): number {
  const latencyMeasurement = 1;
  const https = check.kind === 'http' && usesTls(check) === true ? 1 : 0;
  const stringMatching =
    check.kind === 'http' &&
    check.assertions.some((assertion) => assertion.source === 'body' || assertion.source === 'jsonBody')
      ? 1
      : 0;
  const fastInterval = check.intervalMs < route53StandardIntervalMs ? 1 : 0;
  return latencyMeasurement + https + stringMatching + fastInterval;
}
