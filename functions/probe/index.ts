export { dnsServerResolver, type HostResolver, systemResolver } from './host-resolver';
export { probeCheck } from './probe-check';
export type { ProbeContext, RunChecksOptions } from './probe-context';
export { runChecks } from './run-checks';
