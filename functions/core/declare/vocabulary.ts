import type { AssertionSource, Comparison, LatencyPhase } from './assertion';
import type { HttpMethod, HttpVersionChoice, KeyExchangeGroup, TlsVersion, Weekday } from './declarations';

// Each list is written as a record first, so that adding a member to a union without listing it
// here is a type error. The kinds of check are listed in ../check-kinds.ts, with their facts.

const httpMethodRecord: Record<HttpMethod, true> = {
  GET: true,
  HEAD: true,
  POST: true,
  PUT: true,
  PATCH: true,
  DELETE: true,
  OPTIONS: true,
};
/** Every HTTP method a check may send. */
export const httpMethods = Object.keys(httpMethodRecord) as [HttpMethod, ...HttpMethod[]];

const httpVersionChoiceRecord: Record<HttpVersionChoice, true> = { '1.1': true, '2': true };
/** Every HTTP version a check may be pinned to. */
export const httpVersionChoices = Object.keys(httpVersionChoiceRecord) as [
  HttpVersionChoice,
  ...HttpVersionChoice[],
];

const tlsVersionRecord: Record<TlsVersion, true> = { 'TLSv1.2': true, 'TLSv1.3': true };
/** Every TLS version a check may require at least. */
export const tlsVersions = Object.keys(tlsVersionRecord) as [TlsVersion, ...TlsVersion[]];

const keyExchangeGroupRecord: Record<KeyExchangeGroup, true> = {
  X25519: true,
  'P-256': true,
  'P-384': true,
  'P-521': true,
  X25519MLKEM768: true,
};
/** Every key exchange group a check may offer. */
export const keyExchangeGroups = Object.keys(keyExchangeGroupRecord) as [
  KeyExchangeGroup,
  ...KeyExchangeGroup[],
];

const assertionSourceRecord: Record<AssertionSource, true> = {
  status: true,
  header: true,
  body: true,
  jsonBody: true,
  latency: true,
  certificate: true,
};
/** Every assertion source. */
export const assertionSources = Object.keys(assertionSourceRecord) as [AssertionSource, ...AssertionSource[]];

const comparisonRecord: Record<Comparison, true> = {
  equals: true,
  notEquals: true,
  lessThan: true,
  lessThanOrEqual: true,
  greaterThan: true,
  greaterThanOrEqual: true,
  contains: true,
  notContains: true,
  matches: true,
  notMatches: true,
  exists: true,
  notExists: true,
  oneOf: true,
};
/** Every comparison. */
export const comparisons = Object.keys(comparisonRecord) as [Comparison, ...Comparison[]];

const latencyPhaseRecord: Record<LatencyPhase, true> = {
  total: true,
  dns: true,
  connect: true,
  tls: true,
  ttfb: true,
  transfer: true,
};
/** Every latency phase an assertion can look at. */
export const latencyPhases = Object.keys(latencyPhaseRecord) as [LatencyPhase, ...LatencyPhase[]];

const weekdayRecord: Record<Weekday, true> = {
  mon: true,
  tue: true,
  wed: true,
  thu: true,
  fri: true,
  sat: true,
  sun: true,
};
/** Every day of the week, Monday first. */
export const weekdays = Object.keys(weekdayRecord) as [Weekday, ...Weekday[]];

/** Whether `value` is one of `members`. */
export function isOneOf<T extends string>(value: unknown, members: readonly T[]): value is T {
  return typeof value === 'string' && (members as readonly string[]).includes(value);
}
