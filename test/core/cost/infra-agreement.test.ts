import type { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  defineMonitor,
  heartbeat,
  http,
  type MonitorDeclaration,
  secret,
  tcp,
} from '../../../functions/core';
import { estimateCost } from '../../../functions/core/cost/estimate-cost';
import { usageModel } from '../../../functions/core/cost/usage-model';
import { pingMemoryMb } from '../../../infra/heartbeat-endpoint';
import { evaluateStreamSettings, homeFunctionMemoryMb } from '../../../infra/home-stack';
import { probeShardCapacity } from '../../../infra/probe-capacity';
import { probeMemoryMb } from '../../../infra/probe-stack';
import { synthLookout } from '../../infra/synth-lookout';
import { deployed, httpsChecks } from './cost-fixtures';

// The estimate counts what infra creates; these tests fail when one changes without the other.

describe('the usage model agrees with the infrastructure', () => {
  it('has the functions memory, the probe shard capacity and the stream batch size infra uses', () => {
    expect(usageModel.probeMemoryMb).toBe(probeMemoryMb);
    expect(usageModel.homeFunctionMemoryMb).toBe(homeFunctionMemoryMb);
    expect(usageModel.pingMemoryMb).toBe(pingMemoryMb);
    expect(usageModel.probeShardCapacity).toEqual(probeShardCapacity);
    expect(usageModel.evaluateBatchSize).toBe(evaluateStreamSettings.batchSize);
  });

  const monitors: [string, MonitorDeclaration][] = [
    [
      'home inside the probe regions, 3 checks',
      defineMonitor({
        homeRegion: 'us-east-1',
        regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
        checks: [
          http({ id: 'site', url: 'https://www.example.com/' }),
          tcp({ id: 'db', host: 'db.example.com', port: 5432, regions: ['eu-west-1'] }),
          http({ id: 'fast', url: 'https://fast.example.com/', interval: '10s' }),
          heartbeat({ id: 'backup', period: '1d', grace: '1h', token: secret('/lookout/heartbeat/backup') }),
        ],
      }),
    ],
    [
      'home outside the probe regions, 150 checks',
      defineMonitor({
        homeRegion: 'eu-central-1',
        regions: ['us-west-2', 'eu-west-1'],
        checks: httpsChecks(150),
      }),
    ],
  ];

  it.each(monitors)(
    'counts the alarms, dashboards, keys and schedules infra synthesizes: %s',
    (_, monitor) => {
      const synthesized = synthLookout({ monitor });
      const stacks: Stack[] = [synthesized.deployment.home, ...synthesized.deployment.probes.values()];
      const count = (type: string) =>
        stacks.reduce(
          (total, stack) => total + Object.keys(synthesized.template(stack).findResources(type)).length,
          0,
        );
      const { usage } = estimateCost(
        deployed(monitor.checks, { homeRegion: monitor.homeRegion, regions: monitor.regions ?? [] }),
      );
      expect(usage.alarms).toBe(count('AWS::CloudWatch::Alarm'));
      expect(usage.dashboards).toBe(count('AWS::CloudWatch::Dashboard'));
      expect(usage.kmsKeys).toBe(count('AWS::KMS::Key'));
      expect(usage.schedulerInvocations / (30 * 24 * 60)).toBe(count('AWS::Scheduler::Schedule'));
    },
  );
});
