/** A regular expression kept as data, so that it survives JSON. */
export interface RegexSource {
  /** The pattern, as in `new RegExp(pattern, flags)`. */
  pattern: string;
  /**
   * The flags, as in `new RegExp(pattern, flags)`.
   * @default ''
   */
  flags: string;
}

/** What an assertion looks at. */
export type AssertionSource = 'status' | 'header' | 'body' | 'jsonBody' | 'latency' | 'certificate';

/** A latency an assertion can look at: the total, or one measured phase. */
export type LatencyPhase = 'total' | 'dns' | 'connect' | 'tls' | 'ttfb' | 'transfer';

/** How an assertion compares the actual value with its target. */
export type Comparison =
  | 'equals'
  | 'notEquals'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'contains'
  | 'notContains'
  | 'matches'
  | 'notMatches'
  | 'exists'
  | 'notExists'
  | 'oneOf';

/** A value an assertion compares with. */
export type AssertionTarget = string | number | boolean | null | RegexSource | Array<string | number>;

/**
 * One assertion, as plain data. Built with `expect.*()`; evaluated against a probe's observation.
 * Latency targets may be given as durations (`'800ms'`); validation turns them into milliseconds.
 */
export interface Assertion {
  /** What the assertion looks at. */
  source: AssertionSource;
  /**
   * Which part of the source: a header name, a JSONPath, a latency phase,
   * or a certificate property (`'daysUntilExpiry'`).
   * @default undefined (the whole source; for latency, the total)
   */
  property?: string;
  /** How the actual value is compared with the target. */
  comparison: Comparison;
  /**
   * The value compared with. Absent for `exists` and `notExists`.
   * @default undefined
   */
  target?: AssertionTarget;
}

/** The outcome of one assertion in one probe. */
export interface AssertionOutcome {
  /** The assertion, as declared (normalized), or the implicit status assertion. */
  assertion: Assertion;
  /** Whether it held. */
  passed: boolean;
  /** The value observed (a string, number, boolean or `null` when absent); truncated to 200 characters. */
  actual: string | number | boolean | null;
  /** A sentence a person understands: what was expected and what was seen. */
  message: string;
}
