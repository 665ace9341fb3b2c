import * as z from 'zod/mini';
import { describeValue, typeMismatchMessage } from '../assertions/describe-value';
import { didYouMean } from './did-you-mean';
import { monitorSchema, unknownKeyMessageSeparator } from './monitor-schema';
import { fieldLabel, type PathSegment, type RawProblem } from './validation-problem';

const typeDescriptions: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** Phrases the issues that no schema gave a message of its own. */
function fallbackMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'invalid_type') {
    return typeMismatchMessage(typeDescriptions[issue.expected] ?? issue.expected, issue.input);
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
    const suggestion =
      typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
    return `must be one of ${allowed}, not ${describeValue(issue.input)}${suggestion}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    const length = Array.isArray(issue.input) ? issue.input.length : 0;
    return `must list at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'} (it has ${length})`;
  }
  return `is not valid (${describeValue(issue.input)})`;
}

/**
 * Checks the structure of a declaration (known keys, value types, allowed words) and returns
 * every problem found, phrased for people.
 */
export function structuralProblems(input: unknown): RawProblem[] {
  const result = z.safeParse(monitorSchema, input, { error: fallbackMessage });
  if (result.success) return [];
  const problems: RawProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split(unknownKeyMessageSeparator);
      issue.keys.forEach((key, index) => {
        problems.push({
          path: [...path, key],
          message: messages[index] ?? `unknown key ${JSON.stringify(key)}`,
        });
      });
      continue;
    }
    problems.push({ path, message: `${fieldLabel(path)} ${issue.message}` });
  }
  return problems;
}
