import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { formatProblems, http, validateMonitor } from '../../functions/core';
import {
  defaultResourcePrefix,
  deployableMonitor,
  InvalidMonitorError,
  LookoutStage,
  lookoutNames,
} from '../../infra';
import invalidMonitor from './fixtures/invalid-checks';
import { threeRegionMonitor } from './infra-monitors';

function problemsOf(run: () => unknown): InvalidMonitorError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidMonitorError) return error;
    throw error;
  }
  throw new Error('expected an InvalidMonitorError');
}

describe('deployableMonitor', () => {
  it('returns the declaration as JSON data and its resolved form', () => {
    const declaration = threeRegionMonitor();
    const { declaration: shipped, monitor } = deployableMonitor(declaration);
    expect(shipped).toEqual(JSON.parse(JSON.stringify(declaration)));
    const validation = validateMonitor(declaration);
    expect(validation.ok && validation.monitor).toEqual(monitor);
  });

  it('throws every problem the core finds, formatted one a line', () => {
    const validation = validateMonitor(invalidMonitor);
    if (validation.ok) throw new Error('the fixture should be invalid');
    const error = problemsOf(() => deployableMonitor(invalidMonitor));
    expect(error.problems).toEqual(validation.problems);
    expect(error.message).toContain(formatProblems(validation.problems));
    expect(error.name).toBe('InvalidMonitorError');
    expect(error.code).toBe('LOOKOUT_INVALID_MONITOR');
  });

  it('refuses the local pseudo-region, which no stack can be deployed to', () => {
    const error = problemsOf(() =>
      deployableMonitor({
        homeRegion: 'local',
        regions: ['local', 'eu-west-1'],
        checks: [http({ id: 'site', url: 'https://www.example.com/' })],
      }),
    );
    expect(error.problems.map((problem) => problem.path)).toEqual(['homeRegion', 'regions[0]']);
  });
});

describe('LookoutStage validation', () => {
  it('reports a bad resource prefix together with the monitor problems', () => {
    const error = problemsOf(
      () => new LookoutStage(new App(), 'Lookout', { monitor: invalidMonitor, resourcePrefix: 'Not_OK' }),
    );
    expect(error.problems.at(-1)?.path).toBe('resourcePrefix');
    expect(error.problems.length).toBeGreaterThan(1);
  });
});

describe('physical names', () => {
  it('derives the prefix from the stage name', () => {
    expect(defaultResourcePrefix('Lookout')).toBe('lookout');
    expect(defaultResourcePrefix('Prod')).toBe('lookout-prod');
    expect(defaultResourcePrefix('my_Stage 2')).toBe('lookout-my-stage-2');
  });

  it('names every resource from the prefix, and alarms so that prefixes never match each other', () => {
    const names = lookoutNames('lookout-staging');
    expect(names.tableName).toBe('lookout-staging-results');
    expect(names.topicName).toBe('lookout-staging-alerts');
    expect(names.probeFunctionName).toBe('lookout-staging-probe');
    expect(`${names.alarmNamePrefix}probe.errors`.startsWith(lookoutNames('lookout').alarmNamePrefix)).toBe(
      false,
    );
  });
});
