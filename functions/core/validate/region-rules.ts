import { awsCommercialRegions, isKnownRegion, localRegion } from '../declare/regions';
import { didYouMean } from './did-you-mean';
import { validateNoDuplicates } from './rule-helpers';
import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

const regionNames: readonly string[] = [...awsCommercialRegions, localRegion];

/** Reports a region code that is neither an AWS commercial region nor `'local'`. */
export function validateKnownRegion(report: ReportProblem, path: PathSegment[], value: unknown): void {
  if (typeof value !== 'string' || isKnownRegion(value)) return;
  report(
    path,
    `${fieldLabel(path)} ${JSON.stringify(value)} is not a known AWS region${didYouMean(value, regionNames)}`,
  );
}

/** Where a list of regions must come from, and what to tell people when it is empty. */
export interface RegionListRules {
  /** The regions every entry must be one of, when there is such a limit. */
  within?: readonly string[];
  /** What an empty list should be replaced by, such as `"the home region"`. */
  fallback: string;
}

/**
 * Reports unknown, repeated and out-of-bounds regions in a list, and an empty list.
 * Returns how many distinct regions the list names, or `undefined` when it is not a list.
 */
export function validateRegionList(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  rules: RegionListRules,
): number | undefined {
  if (!Array.isArray(value)) return undefined;
  const label = fieldLabel(path);
  if (value.length === 0) {
    report(path, `${label} is empty; list at least one region, or leave it out to use ${rules.fallback}`);
    return undefined;
  }
  value.forEach((region, index) => {
    validateKnownRegion(report, [...path, index], region);
    if (
      rules.within &&
      typeof region === 'string' &&
      isKnownRegion(region) &&
      !rules.within.includes(region)
    ) {
      report(
        [...path, index],
        `${fieldLabel([...path, index])} ${JSON.stringify(region)} is not one of the monitor's regions (${rules.within.join(', ')}); add it to the monitor's regions first`,
      );
    }
  });
  validateNoDuplicates(report, path, value);
  return new Set(value.filter((region) => typeof region === 'string')).size;
}
