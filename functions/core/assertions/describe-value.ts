const longestQuotedText = 80;

/** Names a value for a message: `"abc"`, `the number 30`, `true`, `null`, `a list`, `an object`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof RegExp) return `the regular expression ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  return 'an object';
}

/** Quotes text for a message, shortening it with an ellipsis past 80 characters. */
export function quote(text: string): string {
  const shortened = text.length > longestQuotedText ? `${text.slice(0, longestQuotedText - 1)}…` : text;
  return JSON.stringify(shortened);
}

/**
 * The end of a message about a value of the wrong type: `is required` when it is missing,
 * else `must be <description>, not <value>`.
 */
export function typeMismatchMessage(description: string, input: unknown): string {
  if (input === undefined) return 'is required';
  if (input instanceof RegExp) {
    return `must be ${description}; a RegExp (${String(input)}) does not survive JSON, so build it with the expect.*() or tcp() builders, or write { pattern, flags }`;
  }
  return `must be ${description}, not ${describeValue(input)}`;
}

/** Shows a value in a message right after its field name: numbers bare (`port 0`), text quoted (`url "x"`). */
export function showValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return quoteJson(value);
  return describeValue(value);
}

function quoteJson(value: unknown[]): string {
  const json = JSON.stringify(value) ?? '[]';
  return json.length > longestQuotedText ? `${json.slice(0, longestQuotedText - 1)}…` : json;
}
