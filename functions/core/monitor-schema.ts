import { z } from 'zod';
import { describeValue, typeMismatchMessage } from './describe-value';
import { didYouMean } from './did-you-mean';
import {
  assertionSources,
  checkKinds,
  comparisons,
  httpMethods,
  keyExchangeGroups,
  tlsVersions,
  weekdays,
} from './vocabulary';

/**
 * The shape of a monitor declaration, in zod: which keys exist, and the type of each value.
 * Values are judged (ranges, formats, cross-field rules) by the semantic rules, not here.
 * Every object is strict, so that a misspelled key is reported rather than ignored.
 */

/** Separates the per-key messages of one unknown-keys issue; split again by `structuralProblems`. */
export const unknownKeyMessageSeparator = '\n';

function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const knownKeys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => `unknown key ${JSON.stringify(key)}${didYouMean(key, knownKeys)}`)
        .join(unknownKeyMessageSeparator);
    },
  });
}

/** An error message that says what was expected and what was given. */
function expected(description: string) {
  return (issue: { input?: unknown }) => typeMismatchMessage(description, issue.input);
}

const duration = z.string({ error: expected(`a duration such as '500ms', '30s', '5m', '1h' or '1d'`) });
const count = z.number();

const regexSource = strictObject({ pattern: z.string(), flags: z.string().optional() });

const secretRef = strictObject({ kind: z.literal('secret'), ref: z.string() });

const headerValue = z.union([z.string(), secretRef], {
  error: expected(`a string or secret('/ssm/path')`),
});

const assertionTarget = z.union(
  [z.string(), z.number(), z.boolean(), z.null(), regexSource, z.array(z.union([z.string(), z.number()]))],
  { error: expected('a string, a number, true or false, null, a regular expression, or a list') },
);

const assertion = strictObject({
  source: z.enum(assertionSources),
  property: z.string().optional(),
  comparison: z.enum(comparisons),
  target: assertionTarget.optional(),
});

const slo = strictObject({
  availability: z.number().optional(),
  latency: strictObject({ threshold: duration, target: z.number() }).optional(),
  window: duration.optional(),
});

const alertPolicy = strictObject({
  regionsToFail: count.optional(),
  consecutiveFailures: count.optional(),
  consecutiveSuccesses: count.optional(),
  certificateWarningDays: count.optional(),
  certificateCriticalDays: count.optional(),
  remindEvery: duration.optional(),
});

const checkBaseShape = {
  id: z.string(),
  name: z.string().optional(),
  regions: z.array(z.string()).optional(),
  interval: duration.optional(),
  timeout: duration.optional(),
  retries: count.optional(),
  degradedLatency: duration.optional(),
  assert: z.array(assertion).optional(),
  slo: slo.optional(),
  alert: alertPolicy.optional(),
  tags: z.array(z.string()).optional(),
};

const tlsOptionsShape = {
  ca: z.string().optional(),
  servername: z.string().optional(),
  minVersion: z.enum(tlsVersions).optional(),
  insecure: z.boolean().optional(),
  keyExchangeGroups: z.array(z.enum(keyExchangeGroups)).min(1).optional(),
};

const httpCheck = strictObject({
  ...checkBaseShape,
  kind: z.literal('http'),
  url: z.string(),
  method: z.enum(httpMethods).optional(),
  headers: z.record(z.string(), headerValue).optional(),
  body: z.string().optional(),
  maxRedirects: count.optional(),
  maxBodyBytes: count.optional(),
  tls: strictObject(tlsOptionsShape).optional(),
});

const tcpCheck = strictObject({
  ...checkBaseShape,
  kind: z.literal('tcp'),
  host: z.string(),
  port: count,
  send: z.string().optional(),
  expect: z
    .union([z.string(), regexSource], { error: expected('a string or a regular expression') })
    .optional(),
});

const tlsCheck = strictObject({
  ...checkBaseShape,
  ...tlsOptionsShape,
  kind: z.literal('tls'),
  host: z.string(),
  port: count.optional(),
  minDaysValid: count.optional(),
});

const kindList = checkKinds.map((kind) => JSON.stringify(kind)).join(', ');

const check = z.discriminatedUnion('kind', [httpCheck, tcpCheck, tlsCheck], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
    return kind === undefined
      ? `is required: one of ${kindList} (build checks with http(), tcp() or tls())`
      : `must be one of ${kindList}, not ${describeValue(kind)}`;
  },
});

const alertTargets = strictObject({
  email: z.array(z.string()).optional(),
  sms: z.array(z.string()).optional(),
  https: z.array(z.string()).optional(),
  sqs: z.array(z.string()).optional(),
  lambda: z.array(z.string()).optional(),
});

const monitorDefaults = strictObject({
  interval: duration.optional(),
  timeout: duration.optional(),
  retries: count.optional(),
  alert: alertPolicy.optional(),
});

const maintenanceWindow = strictObject({
  checks: z.array(z.string()).optional(),
  reason: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  weekly: strictObject({ days: z.array(z.enum(weekdays)), at: z.string(), duration }).optional(),
});

const metricsOptions = strictObject({ perRegion: z.boolean().optional() });

/** The structure of a whole monitor declaration. */
export const monitorSchema = strictObject({
  homeRegion: z.string(),
  regions: z.array(z.string()).optional(),
  alerts: alertTargets.optional(),
  defaults: monitorDefaults.optional(),
  retention: duration.optional(),
  maintenance: z.array(maintenanceWindow).optional(),
  metrics: metricsOptions.optional(),
  checks: z.array(check),
});
