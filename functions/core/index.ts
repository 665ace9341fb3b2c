/**
 * Lookout's core: the declaration API for `checks/` files, validation, and assertion evaluation.
 * Pure: no I/O, no environment, no clock.
 */

export type {
  Assertion,
  AssertionOutcome,
  AssertionSource,
  AssertionTarget,
  Comparison,
  LatencyPhase,
  RegexSource,
} from './assertion';
export type { HttpCheckProps, TcpCheckProps, TlsCheckProps } from './check-builders';
export { http, tcp, tls } from './check-builders';
export type {
  AlertPolicyDeclaration,
  AlertTargets,
  CheckDeclaration,
  CheckDeclarationBase,
  HeaderValue,
  HttpCheckDeclaration,
  HttpMethod,
  MaintenanceWindowDeclaration,
  MetricsOptions,
  MonitorDeclaration,
  MonitorDefaults,
  SecretRef,
  SloDeclaration,
  TcpCheckDeclaration,
  TlsCheckDeclaration,
  TlsOptions,
  TlsVersion,
  Weekday,
} from './declarations';
export { defineMonitor } from './define-monitor';
export type { Duration, DurationUnit } from './duration';
export { formatDurationMs, parseDurationMs } from './duration';
export { evaluateAssertions } from './evaluate-assertions';
export { expect } from './expect';
export type { BodyExpectation } from './expect-body';
export type { CertificateDaysExpectation, CertificateExpectation } from './expect-certificate';
export type { HeaderExpectation } from './expect-header';
export type { JsonBodyExpectation, JsonTargetValue } from './expect-json-body';
export type { LatencyExpectation, LatencyLimit } from './expect-latency';
export type { StatusExpectation } from './expect-status';
export {
  builtInCheckDefaults,
  defaultRetentionMs,
  implicitStatusAssertion,
  majorityOf,
} from './normalize-monitor';
export type { Observation } from './observation';
export type {
  ErrorCode,
  PhaseTimings,
  ProbeError,
  ProbePhase,
  ProbeResult,
  RedirectHop,
  TlsFacts,
} from './probe-result';
export type { RegexInput } from './regex-source';
export { compileRegex, formatRegex, toRegexSource } from './regex-source';
export type { AwsCommercialRegion, KnownRegion } from './regions';
export { awsCommercialRegions, isKnownRegion, localRegion } from './regions';
export type {
  ResolvedAlertPolicy,
  ResolvedCheck,
  ResolvedCheckBase,
  ResolvedHttpCheck,
  ResolvedMaintenanceWindow,
  ResolvedMonitor,
  ResolvedSlo,
  ResolvedTcpCheck,
  ResolvedTlsCheck,
  ResolvedTlsOptions,
} from './resolved-monitor';
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
  worstCaseMsPerMinute,
} from './schedule/placement';
export { roundAtFor } from './schedule/round-at';
export { fnv1a32, stableHash } from './schedule/stable-hash';
export { isSecretRef, secret } from './secret';
export type { EventCounts } from './slo/burn-rate';
export { burnRate } from './slo/burn-rate';
export type { BurnRateRule, BurnRateRuleName } from './slo/burn-rate-rules';
export { burnRateRules, referenceSloWindowMs } from './slo/burn-rate-rules';
export type {
  BurnRateMeasurement,
  FiringBurnRate,
  MinBadEvents,
  SloEvaluation,
  SloEvaluationInput,
  SloObjective,
} from './slo/evaluate-slo';
export { defaultMinBadEvents, evaluateSlo } from './slo/evaluate-slo';
export { rollupSample } from './slo/rollup-sample';
export type { MonitorValidation } from './validate-monitor';
export { validateMonitor } from './validate-monitor';
export type { ValidationProblem } from './validation-problem';
export { formatProblems } from './validation-problem';
