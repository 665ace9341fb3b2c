import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerEnvironment, handlerVariables } from '../../functions/core/contract/handler-environment';
import { actionsOf, identityStatements, resourcesOf } from './iam-statements';
import { statusPageMonitor, threeRegionMonitor } from './infra-monitors';
import { nameCollisions, namedResources } from './named-resources';
import { type SynthesizedLookout, synthLookout, resourcesOf as templateResources } from './synth-lookout';

/** CloudFront's managed CachingOptimized cache policy and SecurityHeadersPolicy response headers policy. */
const cachingOptimized = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const securityHeaders = '67f7725c-6f97-4210-82d7-5512b31e9d03';

const outdir = mkdtempSync(join(tmpdir(), 'lookout-status-page-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

let lookout: SynthesizedLookout;
let home: Template;
beforeAll(() => {
  lookout = synthLookout({ monitor: statusPageMonitor(), nag: true, outdir });
  home = lookout.template(lookout.deployment.home);
});

function only<T>(entries: [string, T][], what: string): [string, T] {
  expect(entries, what).toHaveLength(1);
  return entries[0] as [string, T];
}

describe('the status page on AWS', () => {
  it('is a private bucket: public access blocked, encrypted, HTTPS only, no website hosting, kept on delete', () => {
    const [bucketId, bucket] = only(templateResources(home, 'AWS::S3::Bucket'), 'buckets');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    expect(bucket.Properties.BucketName).toBeUndefined();
    expect(home.findResources('AWS::S3::Bucket')[bucketId]).toMatchObject({ DeletionPolicy: 'Retain' });
    const bucketPolicy = Object.values(home.findResources('AWS::S3::BucketPolicy'))[0] as {
      Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } };
    };
    const statements = bucketPolicy.Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    // Only CloudFront reads, and only for this distribution.
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
  });

  it('is served by CloudFront through origin access control, HTTPS only, compressed, cached as the objects say', () => {
    const [, distribution] = only(templateResources(home, 'AWS::CloudFront::Distribution'), 'distributions');
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.PriceClass).toBe('PriceClass_100');
    const [origin] = config.Origins as Record<string, unknown>[];
    expect(origin?.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/AccessControl/), 'Id'],
    });
    expect(origin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: cachingOptimized,
      ResponseHeadersPolicyId: securityHeaders,
    });
    const [, control] = only(
      templateResources(home, 'AWS::CloudFront::OriginAccessControl'),
      'access controls',
    );
    expect(control.Properties.OriginAccessControlConfig).toMatchObject({
      Name: 'lookout-status-page',
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const outputs = home.findOutputs('*');
    const url = Object.entries(outputs).find(([id]) => id.startsWith('StatusPageUrl'));
    expect(url?.[1].Value).toEqual({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [expect.stringMatching(/Distribution/), 'DomainName'] }, '/'],
      ],
    });
  });

  it('lets the sweep list the bucket and put and delete its objects, nothing more, and tells it where', () => {
    const s3Statements = identityStatements(home).filter((entry) =>
      actionsOf(entry.statement).some((action) => action.startsWith('s3:')),
    );
    expect(s3Statements.every((entry) => /SweepRole/.test(entry.source))).toBe(true);
    expect(
      s3Statements.map((entry) => [actionsOf(entry.statement).sort(), resourcesOf(entry.statement)]),
    ).toEqual([
      [['s3:ListBucket'], [{ 'Fn::GetAtt': [expect.stringMatching(/StatusPageBucket/), 'Arn'] }]],
      [
        ['s3:DeleteObject', 's3:PutObject'],
        [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/StatusPageBucket/), 'Arn'] }, '/*']] }],
      ],
    ]);
    const variables = templateResources(home, 'AWS::Lambda::Function').map(([, fn]) => ({
      name: fn.Properties.FunctionName,
      variables: Object.keys((fn.Properties.Environment as { Variables: object }).Variables).sort(),
    }));
    expect(variables.find((fn) => fn.name === 'lookout-sweep')?.variables).toEqual(
      [
        ...handlerEnvironment.sweep,
        handlerVariables.statusPageBucket,
        handlerVariables.statusPageUrl,
        'NODE_OPTIONS',
      ].sort(),
    );
    expect(variables.find((fn) => fn.name === 'lookout-evaluate')?.variables).not.toContain(
      handlerVariables.statusPageBucket,
    );
  });

  it('passes cdk-nag with reasoned acknowledgements only, and keeps physical names unique', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
    expect(nameCollisions(namedResources(lookout.assembly))).toEqual([]);
  });

  it('is not there when the monitor declares no status page', () => {
    const plain = synthLookout({ monitor: threeRegionMonitor() });
    const template = plain.template(plain.deployment.home);
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    expect(Object.keys(template.findOutputs('*')).filter((id) => id.startsWith('StatusPage'))).toEqual([]);
  });
});
