/**
 * Lookout's infrastructure, for `infra/app.ts` or your own CDK app (`new Lookout(app, 'Lookout', { monitor })`)
 * or pipeline (`pipeline.addStage(new LookoutStage(this, 'Prod', { monitor, env }))`).
 */

export type { ForwardAlarmsToHomeRegionProps, NotifyAlarmsOnTopicProps } from './alarm-routing';
export { alarmStateChangePattern, ForwardAlarmsToHomeRegion, NotifyAlarmsOnTopic } from './alarm-routing';
export type { AlertTopicProps } from './alert-topic';
export { AlertTopic } from './alert-topic';
export type { CheckDashboardProps } from './check-dashboard';
export { CheckDashboard, checkIdPlaceholder } from './check-dashboard';
export { dashboardQuotas } from './dashboard-quotas';
export type { DeployableMonitor } from './deployable-monitor';
export { deployableMonitor, InvalidMonitorError } from './deployable-monitor';
export type { HandlerName } from './handler-bundling';
export {
  bundleDefine,
  handlerBundlingSettings,
  handlerEntry,
  handlerEsbuildOptions,
} from './handler-bundling';
export type { LookoutHomeStackProps } from './home-stack';
export { LookoutHomeStack } from './home-stack';
export type { LookoutProps } from './lookout';
export { Lookout } from './lookout';
export type { LookoutDashboardProps } from './lookout-dashboard';
export { LookoutDashboard, rankedCheckCount } from './lookout-dashboard';
export type { LookoutFunctionProps } from './lookout-function';
export { LookoutFunction } from './lookout-function';
export type { LookoutStageProps } from './lookout-stage';
export { LookoutStage } from './lookout-stage';
export type { MinuteSchedulesProps } from './minute-schedules';
export { MinuteSchedules } from './minute-schedules';
export { addLookoutNagChecks } from './nag-checks';
export type { LookoutNames, StackRole } from './physical-names';
export { defaultResourcePrefix, functionLogGroupName, lookoutNames } from './physical-names';
export { probeShardCapacity, probeShardCount } from './probe-capacity';
export type { LookoutProbeStackProps } from './probe-stack';
export { LookoutProbeStack } from './probe-stack';
