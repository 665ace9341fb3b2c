/**
 * Lookout's core: the declaration API for `checks/` files, validation, and assertion evaluation.
 * Pure: no I/O, no environment, no clock.
 */

export { evaluateAssertions } from './assertions/evaluate-assertions';
export type { Observation } from './assertions/observation';
export type {
  Assertion,
  AssertionOutcome,
  AssertionSource,
  AssertionTarget,
  Comparison,
  LatencyPhase,
  RegexSource,
} from './declare/assertion';
export type {
  HeartbeatCheckProps,
  HttpCheckProps,
  TcpCheckProps,
  TlsCheckProps,
} from './declare/check-builders';
export { heartbeat, http, tcp, tls } from './declare/check-builders';
export type {
  AlertPolicyDeclaration,
  AlertTargets,
  ChatAlertsDeclaration,
  CheckDeclaration,
  CheckDeclarationBase,
  ClientCertificate,
  HeaderValue,
  HeartbeatCheckDeclaration,
  HttpCheckDeclaration,
  HttpMethod,
  HttpVersionChoice,
  MaintenanceWindowDeclaration,
  MetricsOptions,
  MonitorDeclaration,
  MonitorDefaults,
  SecretRef,
  SloDeclaration,
  StatusPageDeclaration,
  TcpCheckDeclaration,
  TlsCheckDeclaration,
  TlsOptions,
  TlsVersion,
  Weekday,
} from './declare/declarations';
export {
  builtInCheckDefaults,
  defaultMetricsOptions,
  defaultMinBadEvents,
  defaultRetentionMs,
} from './declare/defaults';
export { defineMonitor } from './declare/define-monitor';
export type { Duration, DurationUnit } from './declare/duration';
export { formatDurationMs, parseDurationMs } from './declare/duration';
export { expect } from './declare/expect';
export type { BodyExpectation } from './declare/expect-body';
export type { CertificateDaysExpectation, CertificateExpectation } from './declare/expect-certificate';
export type { HeaderExpectation } from './declare/expect-header';
export type { JsonBodyExpectation, JsonTargetValue } from './declare/expect-json-body';
export type { LatencyExpectation, LatencyLimit } from './declare/expect-latency';
export type { StatusExpectation } from './declare/expect-status';
export type { RegexInput } from './declare/regex-source';
export { compileRegex, formatRegex, toRegexSource } from './declare/regex-source';
export type { AwsCommercialRegion, KnownRegion } from './declare/regions';
export { awsCommercialRegions, isKnownRegion, localRegion } from './declare/regions';
export { isSecretRef, secret } from './declare/secret';
export type {
  ErrorCode,
  ErrorPhase,
  HttpVersion,
  PhaseTimings,
  ProbeError,
  ProbePhase,
  ProbeResult,
  RedirectHop,
  TlsFacts,
} from './probe-result';
export { implicitStatusAssertion, majorityOf } from './resolve/normalize-monitor';
export type {
  ResolvedAlertPolicy,
  ResolvedCheck,
  ResolvedCheckBase,
  ResolvedHttpCheck,
  ResolvedMaintenanceWindow,
  ResolvedMetricsOptions,
  ResolvedMonitor,
  ResolvedSlo,
  ResolvedStatusPage,
  ResolvedTcpCheck,
  ResolvedTlsCheck,
  ResolvedTlsOptions,
} from './resolve/resolved-monitor';
export type { ScheduledCheck } from './schedule/check-phase';
export { checkPhaseMs } from './schedule/check-phase';
export type { DueRound } from './schedule/due-rounds';
export { dueRounds } from './schedule/due-rounds';
export { isInMaintenance } from './schedule/maintenance';
export type { ShardCapacity, ShardedCheck } from './schedule/placement';
export {
  checksForRegion,
  checksForShard,
  shardCountFor,
  shardOf,
  worstCaseMsPerInvocation,
} from './schedule/placement';
export { roundAtFor } from './schedule/round-at';
export { fnv1a32, stableHash } from './schedule/stable-hash';
export type { EventCounts } from './slo/burn-rate';
export { burnRate } from './slo/burn-rate';
export type { BurnRateRule, BurnRateRuleName } from './slo/burn-rate-rules';
export { burnRateRules, referenceSloWindowMs } from './slo/burn-rate-rules';
export { countedProbe } from './slo/counted-probe';
export type {
  BurnRateMeasurement,
  FiringBurnRate,
  MinBadEvents,
  SloEvaluation,
  SloEvaluationInput,
  SloObjective,
} from './slo/evaluate-slo';
export { evaluateSlo, sloWindowSpansMs } from './slo/evaluate-slo';
export type { MonitorValidation } from './validate/validate-monitor';
export { validateMonitor } from './validate/validate-monitor';
export type { ValidationProblem } from './validate/validation-problem';
export { formatProblems } from './validate/validation-problem';
