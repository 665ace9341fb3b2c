import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { MonitorDeclaration } from '../../functions/core';
import { addLookoutNagChecks, Lookout, type LookoutProps } from '../../infra';

/** How a test synthesizes Lookout. */
export interface SynthOptions {
  monitor: MonitorDeclaration;
  /** Stack paths to bundle for real, such as `['Lookout/Probe-eu-west-1']`. @default [] (none) */
  bundlingStacks?: string[];
  /** Run cdk-nag. @default false */
  nag?: boolean;
  /** Where the cloud assembly goes. @default a temporary directory */
  outdir?: string;
  /** More properties. */
  props?: Partial<LookoutProps>;
}

/** A synthesized Lookout: its stacks, the assembly, and each stack's template. */
export interface SynthesizedLookout {
  app: App;
  deployment: Lookout;
  assembly: CloudAssembly;
  template(stack: Stack): Template;
}

/**
 * Synthesizes Lookout as infra/app.ts does (its stacks straight in the app) once, with the nag plugins if asked;
 * templates come from that one synth.
 */
export function synthLookout(options: SynthOptions): SynthesizedLookout {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': options.bundlingStacks ?? [] },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const deployment = new Lookout(app, 'Lookout', { monitor: options.monitor, ...options.props });
  if (options.nag) addLookoutNagChecks(app);
  const assembly = app.synth();
  return {
    app,
    deployment,
    assembly,
    template: (stack) => Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template),
  };
}

/** Every resource of a type in a template, by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
): [string, { Properties: Record<string, unknown> }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties: Record<string, unknown> }][];
}
