import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineMonitor, http, type MonitorDeclaration, tcp, tls } from '../../functions/core';
import type { LookoutProps } from '../../infra';
import { externalTool } from '../support/external-tool';
import { heartbeatMonitor, statusPageMonitor, threeRegionMonitor } from './infra-monitors';
import { synthLookout } from './synth-lookout';

/** cfn-lint (Python, preinstalled on this project's machines): skipped where missing, required under CI. */
const cfnLint = externalTool('cfn-lint');

/**
 * The cfn-lint findings Lookout accepts, each matched by rule and message, with the reason. Any other error,
 * warning or informational finding fails the test.
 */
const acceptedFindings: { rule: string; message: RegExp; reason: string }[] = [
  {
    rule: 'W3005',
    message:
      /^'\w+Role[0-9A-F]{8}' dependency already enforced by a 'GetAtt' at 'Resources\/\w+Function[0-9A-F]{8}\/Properties\/Role'$/,
    reason:
      "aws-cdk-lib's lambda.Function makes the function depend on its role and on the role's default policy, so that it cannot run before its permissions exist. The policy half is needed; the role half is redundant (the function names its role), harmless, and added inside aws-cdk-lib.",
  },
  {
    rule: 'I1022',
    message: /^Prefer using Fn::Sub over Fn::Join with an empty delimiter$/,
    reason:
      'A style suggestion: aws-cdk-lib renders every string built from tokens (ARNs, account ids) as Fn::Join with an empty delimiter, which CloudFormation resolves the same way as Fn::Sub.',
  },
];

interface Finding {
  Filename: string;
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Rule: { Id: string };
}

const outdirs: string[] = [];
afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/** Synthesizes a monitor and runs cfn-lint (informational rules too) on every template, in every region used. */
function lint(monitor: MonitorDeclaration, props: Partial<LookoutProps> = {}): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'lookout-cfn-lint-'));
  outdirs.push(outdir);
  const { assembly } = synthLookout({ monitor, outdir, props });
  const templates = assembly.stacks.map((stack) => join(outdir, stack.templateFile));
  const regions = [...new Set(assembly.stacks.map((stack) => stack.environment.region))];
  const run = spawnSync(
    'cfn-lint',
    ['--format', 'json', '--include-checks', 'I', '--regions', ...regions, '--', ...templates],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (run.error) throw run.error;
  // cfn-lint exits non-zero when it finds anything; its JSON says what.
  const findings = JSON.parse(run.stdout || '[]') as Finding[];
  expect(templates.length).toBeGreaterThanOrEqual(2);
  return findings
    .filter((finding) => {
      const accepted = acceptedFindings.find((entry) => entry.rule === finding.Rule.Id);
      return accepted === undefined || !accepted.message.test(finding.Message);
    })
    .map((finding) => `${finding.Level} ${finding.Rule.Id} ${finding.Filename}: ${finding.Message}`);
}

describe('cfn-lint', () => {
  it.skipIf(!cfnLint.available)(
    `passes every template of a three-region monitor with every kind of alert target and secret${cfnLint.skipNote}`,
    () => {
      expect(lint(threeRegionMonitor())).toEqual([]);
    },
  );

  it.skipIf(!cfnLint.available)(
    `passes every template of a monitor with a custom prefix, its home outside the probe regions, every opt-in metric and sweep shards${cfnLint.skipNote}`,
    () => {
      const monitor = defineMonitor({
        homeRegion: 'eu-central-1',
        regions: ['us-east-1', 'ap-southeast-2'],
        metrics: { perRegion: true, phases: true, certificate: true, sloBudget: true },
        checks: [
          ...Array.from({ length: 1_200 }, (_, index) =>
            http({
              id: `site-${index}`,
              url: `https://site-${index}.example.com/`,
              slo: { availability: 99.5 },
            }),
          ),
          tcp({ id: 'db', host: 'db.example.com', port: 5432 }),
          tls({ id: 'cert', host: 'www.example.com' }),
        ],
      });
      expect(lint(monitor, { resourcePrefix: 'acme-uptime' })).toEqual([]);
    },
  );

  it.skipIf(!cfnLint.available)(
    `passes every template of a monitor with heartbeat checks (ping function, Function URL, output)${cfnLint.skipNote}`,
    () => {
      expect(lint(heartbeatMonitor())).toEqual([]);
    },
  );

  it.skipIf(!cfnLint.available)(
    `passes every template of a monitor with a status page (bucket, CloudFront, origin access control)${cfnLint.skipNote}`,
    () => {
      expect(lint(statusPageMonitor())).toEqual([]);
    },
  );
});
