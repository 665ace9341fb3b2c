import * as z from 'zod/mini';
import { describeValue, typeMismatchMessage } from '../assertions/describe-value';
import { checkKinds } from '../check-kinds';
import {
  assertionSources,
  comparisons,
  httpMethods,
  httpVersionChoices,
  keyExchangeGroups,
  tlsVersions,
  weekdays,
} from '../declare/vocabulary';
import { didYouMean } from './did-you-mean';

/**
 * The shape of a monitor declaration, in zod: which keys exist, and the type of each value.
 * Values are judged (ranges, formats, cross-field rules) by the semantic rules, not here.
 * Every object is strict, so that a misspelled key is reported rather than ignored.
 */

/** Separates the per-key messages of one unknown-keys issue; split again by `structuralProblems`. */
export const unknownKeyMessageSeparator = '\n';

function strictObject<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  wrongTypeMessage?: (input: unknown) => string,
) {
  const knownKeys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'invalid_type' && wrongTypeMessage !== undefined)
        return wrongTypeMessage(issue.input);
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

const regexSource = strictObject({ pattern: z.string(), flags: z.optional(z.string()) });

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
  property: z.optional(z.string()),
  comparison: z.enum(comparisons),
  target: z.optional(assertionTarget),
});

const slo = strictObject({
  availability: z.optional(z.number()),
  latency: z.optional(strictObject({ threshold: duration, target: z.number() })),
  window: z.optional(duration),
});

const alertPolicy = strictObject({
  regionsToFail: z.optional(count),
  consecutiveFailures: z.optional(count),
  consecutiveSuccesses: z.optional(count),
  certificateWarningDays: z.optional(count),
  certificateCriticalDays: z.optional(count),
  remindEvery: z.optional(duration),
});

const checkBaseShape = {
  id: z.string(),
  name: z.optional(z.string()),
  regions: z.optional(z.array(z.string())),
  interval: z.optional(duration),
  timeout: z.optional(duration),
  retries: z.optional(count),
  degradedLatency: z.optional(duration),
  assert: z.optional(z.array(assertion)),
  slo: z.optional(slo),
  alert: z.optional(alertPolicy),
  tags: z.optional(z.array(z.string())),
};

const tlsOptionsShape = {
  ca: z.optional(z.string()),
  servername: z.optional(z.string()),
  minVersion: z.optional(z.enum(tlsVersions)),
  insecure: z.optional(z.boolean()),
  keyExchangeGroups: z.optional(z.array(z.enum(keyExchangeGroups)).check(z.minLength(1))),
  clientCertificate: z.optional(
    strictObject({
      cert: z.string(),
      // The value given is not quoted back: it may be the key itself.
      key: strictObject({ kind: z.literal('secret'), ref: z.string() }, (input) =>
        input === undefined
          ? 'is required'
          : `must be secret('/ssm/path'): a private key is read at run time, never written in a declaration`,
      ),
    }),
  ),
};

const httpCheck = strictObject({
  ...checkBaseShape,
  kind: z.literal('http'),
  url: z.string(),
  method: z.optional(z.enum(httpMethods)),
  headers: z.optional(z.record(z.string(), headerValue)),
  body: z.optional(z.string()),
  maxRedirects: z.optional(count),
  maxBodyBytes: z.optional(count),
  tls: z.optional(strictObject(tlsOptionsShape)),
  httpVersion: z.optional(z.enum(httpVersionChoices)),
});

const tcpCheck = strictObject({
  ...checkBaseShape,
  kind: z.literal('tcp'),
  host: z.string(),
  port: count,
  send: z.optional(z.string()),
  expect: z.optional(
    z.union([z.string(), regexSource], { error: expected('a string or a regular expression') }),
  ),
});

const tlsCheck = strictObject({
  ...checkBaseShape,
  ...tlsOptionsShape,
  kind: z.literal('tls'),
  host: z.string(),
  port: z.optional(count),
  minDaysValid: z.optional(count),
});

const heartbeatCheck = strictObject({
  kind: z.literal('heartbeat'),
  id: z.string(),
  name: z.optional(z.string()),
  period: duration,
  grace: z.optional(duration),
  token: strictObject({ kind: z.literal('secret'), ref: z.string() }, (input) =>
    input === undefined
      ? 'is required'
      : `must be secret('/ssm/path'): a ping token is read at run time, never written in a declaration`,
  ),
  degradedLatency: z.optional(duration),
  slo: z.optional(slo),
  alert: z.optional(
    strictObject({
      consecutiveFailures: z.optional(count),
      consecutiveSuccesses: z.optional(count),
      remindEvery: z.optional(duration),
    }),
  ),
  tags: z.optional(z.array(z.string())),
});

const kindList = checkKinds.map((kind) => JSON.stringify(kind)).join(', ');

const check = z.discriminatedUnion('kind', [httpCheck, tcpCheck, tlsCheck, heartbeatCheck], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
    return kind === undefined
      ? `is required: one of ${kindList} (build checks with http(), tcp(), tls() or heartbeat())`
      : `must be one of ${kindList}, not ${describeValue(kind)}`;
  },
});

const alertTargets = strictObject({
  email: z.optional(z.array(z.string())),
  sms: z.optional(z.array(z.string())),
  https: z.optional(z.array(z.string())),
  sqs: z.optional(z.array(z.string())),
  lambda: z.optional(z.array(z.string())),
  chat: z.optional(
    z.union([z.boolean(), strictObject({ statusPageUrl: z.optional(z.string()) })], {
      error: expected(`true, false or { statusPageUrl: 'https://...' }`),
    }),
  ),
});

const monitorDefaults = strictObject({
  interval: z.optional(duration),
  timeout: z.optional(duration),
  retries: z.optional(count),
  alert: z.optional(alertPolicy),
});

const maintenanceWindow = strictObject({
  checks: z.optional(z.array(z.string())),
  reason: z.optional(z.string()),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  weekly: z.optional(strictObject({ days: z.array(z.enum(weekdays)), at: z.string(), duration })),
});

const metricsOptions = strictObject({
  perRegion: z.optional(z.boolean()),
  phases: z.optional(z.boolean()),
  certificate: z.optional(z.boolean()),
  sloBudget: z.optional(z.boolean()),
});

const statusPage = strictObject({
  title: z.string(),
  checks: z.array(z.string()),
  show: z.optional(strictObject({ targets: z.optional(z.boolean()), errors: z.optional(z.boolean()) })),
});

/** The structure of a whole monitor declaration. */
export const monitorSchema = strictObject({
  homeRegion: z.string(),
  regions: z.optional(z.array(z.string())),
  alerts: z.optional(alertTargets),
  defaults: z.optional(monitorDefaults),
  retention: z.optional(duration),
  maintenance: z.optional(z.array(maintenanceWindow)),
  metrics: z.optional(metricsOptions),
  statusPage: z.optional(statusPage),
  checks: z.array(check),
});
