import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { addLookoutNagChecks, LookoutStage } from '../../infra';
import { defined } from './defined';
import { heartbeatMonitor, manyChecksMonitor, threeRegionMonitor } from './infra-monitors';
import { synthLookout } from './synth-lookout';

const outdirs: string[] = [];
function freshOutdir(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'lookout-nag-'));
  outdirs.push(outdir);
  return outdir;
}

afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
}

function findings(outdir: string): string[] {
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map((violation) => `${violation.severity} ${violation.ruleName}`),
  );
}

describe('cdk-nag (AwsSolutions and Serverless)', () => {
  it('finds nothing unacknowledged in any stack of a full monitor', () => {
    const outdir = freshOutdir();
    synthLookout({ monitor: threeRegionMonitor(), nag: true, outdir });
    expect(findings(outdir)).toEqual([]);
  });

  it('finds nothing unacknowledged with heartbeat checks (the ping function behind its Function URL)', () => {
    const outdir = freshOutdir();
    synthLookout({ monitor: heartbeatMonitor(), nag: true, outdir });
    expect(findings(outdir)).toEqual([]);
  });

  it('finds nothing unacknowledged with several shards', () => {
    const outdir = freshOutdir();
    synthLookout({ monitor: manyChecksMonitor(), nag: true, outdir });
    expect(findings(outdir)).toEqual([]);
  });

  it('checks a LookoutStage as a pipeline adds it, whose stacks and resources are named after the stage', () => {
    const outdir = freshOutdir();
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir });
    const stage = new LookoutStage(app, 'Prod', {
      monitor: threeRegionMonitor(),
      env: { account: '123456789012' },
    });
    addLookoutNagChecks(app);
    app.synth();
    expect(findings(outdir)).toEqual([]);
    expect(stage.lookout.home.stackName).toBe('Prod-Lookout-Home');
    expect(stage.lookout.probes.get('eu-west-1')?.stackName).toBe('Prod-Lookout-Probe-eu-west-1');
    expect(stage.lookout.probes.get('eu-west-1')?.account).toBe('123456789012');
    expect(stage.lookout.names.tableName).toBe('lookout-prod-results');
  });

  it('fails synth on a finding in a Lookout stack (the packs run on the stacks of nested stages)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir: freshOutdir() });
    const stage = new LookoutStage(app, 'Lookout', { monitor: threeRegionMonitor() });
    new sqs.Queue(stage.lookout.home, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const probe = defined(stage.lookout.probes.get('eu-west-1'), 'the eu-west-1 probe stack');
    const role = new iam.Role(probe, 'TooBroad', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }));
    addLookoutNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2[\s\S]*Lookout\/Home\/Unencrypted/);
    expect(() => app.synth({ force: true })).toThrow(/AwsSolutions-IAM5\[Action::dynamodb:\*\]/);
  });
});
