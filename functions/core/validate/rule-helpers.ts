import { fieldLabel, type PathSegment, type ReportProblem } from './validation-problem';

/** A declaration object seen before it is known to be valid. */
export type UnknownRecord = Record<string, unknown>;

/** The value as a plain object, or `undefined` when it is not one (arrays are not). */
export function asRecord(value: unknown): UnknownRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as UnknownRecord)
    : undefined;
}

/** Whether a value is a number the structural check accepts (zod rejects NaN and the infinities). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The inclusive bounds of a whole number. */
export interface WholeNumberBounds {
  /** The smallest allowed value. */
  min: number;
  /** The largest allowed value; `undefined` for no upper bound. */
  max?: number;
}

/**
 * Reports a number that is not whole or is out of bounds (`port 70000 is outside 1 to 65535`).
 * Values that are not numbers are left to the structural check. Returns the number when it is valid.
 */
export function validateWholeNumber(
  report: ReportProblem,
  path: PathSegment[],
  value: unknown,
  bounds: WholeNumberBounds,
): number | undefined {
  if (!isFiniteNumber(value)) return undefined;
  const label = fieldLabel(path);
  if (!Number.isInteger(value)) {
    report(path, `${label} ${value} must be a whole number`);
    return undefined;
  }
  if (bounds.max === undefined && value < bounds.min) {
    report(path, `${label} ${value} must be ${bounds.min} or more`);
    return undefined;
  }
  if (bounds.max !== undefined && (value < bounds.min || value > bounds.max)) {
    report(path, `${label} ${value} is outside the allowed range ${bounds.min} to ${bounds.max}`);
    return undefined;
  }
  return value;
}

/** Reports a number that is not strictly between 0 and 100 (a percentage objective). */
export function validateOpenPercentage(report: ReportProblem, path: PathSegment[], value: unknown): void {
  if (!isFiniteNumber(value) || (value > 0 && value < 100)) return;
  report(path, `${fieldLabel(path)} ${value} must be a percentage strictly between 0 and 100, such as 99.9`);
}

/** Reports each string in a list that appears a second time, naming where it first appeared. */
export function validateNoDuplicates(
  report: ReportProblem,
  path: PathSegment[],
  list: readonly unknown[],
): void {
  const firstIndex = new Map<string, number>();
  list.forEach((item, index) => {
    if (typeof item !== 'string') return;
    const first = firstIndex.get(item);
    if (first === undefined) firstIndex.set(item, index);
    else {
      report(
        [...path, index],
        `${fieldLabel([...path, index])} ${JSON.stringify(item)} is listed twice (first at ${fieldLabel([...path, first])})`,
      );
    }
  });
}
