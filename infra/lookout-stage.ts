import { Stage, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Lookout, type LookoutProps } from './lookout';

/** Properties of a `LookoutStage`. */
export interface LookoutStageProps extends StageProps, Omit<LookoutProps, 'account'> {}

/**
 * Lookout as a CDK stage, for a pipeline (`pipeline.addStage(new LookoutStage(this, 'Prod', { monitor, env }))`):
 * the `Lookout` stacks, in the stage's account, named `<stage>-Lookout-Home` and `<stage>-Lookout-Probe-<region>`.
 */
export class LookoutStage extends Stage {
  /** Lookout's stacks. */
  readonly lookout: Lookout;

  constructor(scope: Construct, id: string, props: LookoutStageProps) {
    super(scope, id, props);
    this.lookout = new Lookout(this, 'Lookout', props);
  }
}
