import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type HandlerName,
  handlerEnvironment,
  handlerVariables,
  optionalHandlerEnvironment,
} from '../../functions/core/contract/handler-environment';
import { manyChecksMonitor, statusPageMonitor, threeRegionMonitor } from './infra-monitors';
import { resourcesOf, type SynthesizedLookout, synthLookout } from './synth-lookout';

let lookout: SynthesizedLookout;
let busy: SynthesizedLookout;

beforeAll(() => {
  lookout = synthLookout({ monitor: threeRegionMonitor() });
  busy = synthLookout({ monitor: manyChecksMonitor() });
});

/** Every Lambda function of every stack: which handler it runs (by its name) and its variables' names. */
function synthesizedFunctions(
  synthesized: SynthesizedLookout = lookout,
): { stack: string; handler: HandlerName | undefined; variables: string[] }[] {
  const { deployment } = synthesized;
  const handlerOfName = new Map<unknown, HandlerName>([
    [deployment.names.probeFunctionName, 'probe'],
    [deployment.names.evaluateFunctionName, 'evaluate'],
    [deployment.names.sweepFunctionName, 'sweep'],
  ]);
  const stacks = [deployment.home, ...deployment.probes.values()];
  return stacks.flatMap((stack) => {
    const template: Template = synthesized.template(stack);
    return resourcesOf(template, 'AWS::Lambda::Function').map(([, { Properties }]) => {
      const environment = Properties.Environment as { Variables?: Record<string, unknown> } | undefined;
      return {
        stack: stack.stackName,
        handler: handlerOfName.get(Properties.FunctionName),
        variables: Object.keys(environment?.Variables ?? {}).sort(),
      };
    });
  });
}

describe('the handler environment contract', () => {
  it('sets on each function exactly the variables its handler reads (and NODE_OPTIONS, for Node.js)', () => {
    const functions = synthesizedFunctions();
    expect(functions.map((fn) => fn.handler).sort()).toEqual(
      ['evaluate', 'probe', 'probe', 'probe', 'sweep'].sort(),
    );
    for (const { stack, handler, variables } of functions) {
      if (handler === undefined) throw new Error(`a function of ${stack} runs no Lookout handler`);
      expect(variables, `${handler} in ${stack}`).toEqual(
        [...handlerEnvironment[handler], 'NODE_OPTIONS'].sort(),
      );
    }
  });

  it('sets a variable that applies only somewhere exactly where it applies: the round queue where checks run under a minute', () => {
    const probes = synthesizedFunctions(busy).filter((fn) => fn.handler === 'probe');
    const withQueue = probes.filter((fn) => fn.variables.includes('LOOKOUT_ROUND_QUEUE_URL'));
    expect(withQueue.map((fn) => fn.stack)).toEqual(['Lookout-Probe-eu-west-1']);
    for (const { variables } of withQueue) {
      expect(variables).toEqual(
        [...handlerEnvironment.probe, ...optionalHandlerEnvironment.probe, 'NODE_OPTIONS'].sort(),
      );
    }
  });

  it('sets the status page bucket and URL on the sweep only, and only where a status page is declared', () => {
    const functions = synthesizedFunctions(synthLookout({ monitor: statusPageMonitor() }));
    const statusPageVariables = [handlerVariables.statusPageBucket, handlerVariables.statusPageUrl];
    for (const { handler, variables } of functions) {
      const expected = handler === 'sweep' ? statusPageVariables : [];
      expect(
        variables.filter((name) => (statusPageVariables as readonly string[]).includes(name)),
        handler,
      ).toEqual(expected);
    }
    for (const { variables } of synthesizedFunctions())
      expect(variables.filter((name) => name.startsWith('LOOKOUT_STATUS_PAGE'))).toEqual([]);
  });
});
