import type { MonitorDeclaration } from './declarations';

/**
 * Declares a monitor: where it runs, where it alerts, and its checks. Returns the declaration
 * unchanged; it exists so that editors type-check and complete the object. Export it as the
 * default export of a file in `checks/`; `lookout check` and `cdk synth` validate it.
 */
export function defineMonitor(declaration: MonitorDeclaration): MonitorDeclaration {
  return declaration;
}
