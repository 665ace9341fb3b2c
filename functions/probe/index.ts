export { probeCheck } from './probe-check';
export type { ProbeContext, RunChecksOptions } from './probe-context';
export { runChecks } from './run-checks';
