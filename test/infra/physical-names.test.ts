import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { defineMonitor, http, type MonitorDeclaration, tcp } from '../../functions/core';
import { Lookout, type LookoutProps, LookoutStage } from '../../infra';
import { heartbeatMonitor, manyChecksMonitor, statusPageMonitor, threeRegionMonitor } from './infra-monitors';
import { type NamedResource, nameCollisions, namedResources, stackNameType } from './named-resources';

const account = '123456789012';

function monitor(homeRegion: string, regions: string[]): MonitorDeclaration {
  return defineMonitor({
    homeRegion,
    regions,
    alerts: { email: ['oncall@example.com'] },
    checks: [
      http({ id: 'api', url: 'https://api.example.com/health', slo: { availability: 99.9 } }),
      tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
    ],
  });
}

/** Synthesizes Lookouts side by side in one app (so one account), and lists every physical name. */
function synthesize(lookouts: { id: string; props: LookoutProps }[]): NamedResource[] {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  for (const { id, props } of lookouts) new Lookout(app, id, props);
  return namedResources(app.synth());
}

const one = (props: LookoutProps) => synthesize([{ id: 'Lookout', props }]);

/** The kinds of names every Lookout has: a test that found none of these would check nothing. */
const expectedKinds = [
  'AWS::SQS::Queue QueueName',
  'AWS::CloudWatch::Alarm AlarmName',
  'AWS::Lambda::Function FunctionName',
  'AWS::DynamoDB::Table TableName',
  'AWS::SNS::Topic TopicName',
  'AWS::CloudWatch::Dashboard DashboardName',
  'AWS::Logs::LogGroup LogGroupName',
  `${stackNameType} StackName`,
];

function expectUnique(named: NamedResource[]): void {
  const kinds = new Set(named.map((entry) => `${entry.type} ${entry.property}`));
  for (const kind of expectedKinds) expect(kinds, kind).toContain(kind);
  expect(nameCollisions(named)).toEqual([]);
}

describe('physical names', () => {
  it('finds a collision when two stacks of one account and region name a resource alike', () => {
    const queue = (source: string, region = 'us-east-1'): NamedResource => ({
      scope: `aws://${account}/${region}`,
      type: 'AWS::SQS::Queue',
      property: 'QueueName',
      name: 'lookout-dead-letters',
      source,
    });
    expect(
      nameCollisions([queue('Lookout-Home/A'), queue('Lookout-Probe-eu-west-1/B', 'eu-west-1')]),
    ).toEqual([]);
    expect(nameCollisions([queue('Lookout-Home/A'), queue('Lookout-Probe-us-east-1/B')])).toEqual([
      `aws://${account}/us-east-1 AWS::SQS::Queue lookout-dead-letters: Lookout-Home/A, Lookout-Probe-us-east-1/B`,
    ]);
  });

  it('are unique when the home region is also a probe region', () => {
    expectUnique(one({ monitor: threeRegionMonitor(), account }));
  });

  it('are unique when the home region probes nothing', () => {
    expectUnique(one({ monitor: monitor('eu-central-1', ['us-east-1', 'ap-southeast-2']), account }));
  });

  it('are unique with one probe region, the home region or another', () => {
    expectUnique(one({ monitor: monitor('us-east-1', ['us-east-1']), account }));
    expectUnique(one({ monitor: monitor('us-east-1', ['eu-west-1']), account }));
  });

  it('are unique with a custom prefix and several probe shards', () => {
    const named = one({ monitor: manyChecksMonitor(), account, resourcePrefix: 'acme-uptime' });
    expectUnique(named);
    for (const entry of named.filter((e) => e.type !== stackNameType && e.type !== 'AWS::Logs::LogGroup')) {
      expect(entry.name, entry.source).toMatch(/^acme-uptime($|[-._])/);
    }
  });

  it('are unique for Lookouts side by side in one account, even when one prefix extends another', () => {
    // `lookout-probe` and `lookout-home` extend `lookout` by a word that Lookout's own names use.
    const named = synthesize([
      { id: 'Lookout', props: { monitor: threeRegionMonitor(), account } },
      {
        id: 'LookoutProbe',
        props: {
          monitor: monitor('us-east-1', ['us-east-1', 'eu-west-1']),
          account,
          resourcePrefix: 'lookout-probe',
        },
      },
      {
        id: 'LookoutHome',
        props: { monitor: monitor('eu-west-1', ['us-east-1']), account, resourcePrefix: 'lookout-home' },
      },
    ]);
    expectUnique(named);
  });

  it('are unique for Lookouts side by side with heartbeat checks, even when one prefix ends in -ping', () => {
    const named = synthesize([
      { id: 'Lookout', props: { monitor: heartbeatMonitor(), account } },
      { id: 'LookoutPing', props: { monitor: heartbeatMonitor(), account, resourcePrefix: 'lookout-ping' } },
    ]);
    expectUnique(named);
    expect(
      named
        .filter((entry) => entry.type === 'AWS::Lambda::Function' && entry.name.endsWith('-ping'))
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(['lookout-ping', 'lookout-ping-ping']);
  });

  it('are unique for Lookouts side by side with status pages (CloudFront names are unique per account)', () => {
    const named = synthesize([
      { id: 'Lookout', props: { monitor: statusPageMonitor(), account } },
      {
        id: 'LookoutEu',
        props: {
          monitor: { ...statusPageMonitor(), homeRegion: 'eu-west-1' },
          account,
          resourcePrefix: 'lookout-eu',
        },
      },
    ]);
    expectUnique(named);
    expect(
      named
        .filter((entry) => entry.type === 'AWS::CloudFront::OriginAccessControl')
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(['lookout-eu-status-page', 'lookout-status-page']);
  });

  it('cannot be shared: a second Lookout with the same prefix in the same account fails synth', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new Lookout(app, 'Lookout', { monitor: threeRegionMonitor(), account, resourcePrefix: 'uptime' });
    expect(
      () => new Lookout(app, 'Again', { monitor: threeRegionMonitor(), account, resourcePrefix: 'uptime' }),
    ).toThrow(/resourcePrefix "uptime" is already used by Lookout in the same account/);
    // In another account, the same prefix names other resources.
    new Lookout(app, 'Elsewhere', {
      monitor: threeRegionMonitor(),
      account: '210987654321',
      resourcePrefix: 'uptime',
    });
  });

  it('are unique for a pipeline stage beside a Lookout in the same account', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new Lookout(app, 'Lookout', { monitor: threeRegionMonitor(), account });
    new LookoutStage(app, 'Staging', { monitor: threeRegionMonitor(), env: { account } });
    expectUnique(namedResources(app.synth()));
  });
});
