import { CfnOutput, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { statusPageFiles } from '../functions/core/status-page/status-page-files';

/** Properties of a `StatusPageSite`. */
export interface StatusPageSiteProps {
  /** The name of its origin access control, unique in the account (CloudFront's are global). */
  accessControlName: string;
  /** Shown in the console. */
  comment: string;
}

/**
 * Where the deployed status page is served from: a private S3 bucket (public access blocked, encrypted with S3
 * managed keys, HTTPS-only requests, no website hosting) read only by a CloudFront distribution through origin
 * access control. Viewers get HTTPS only (HTTP is redirected), compressed files, the cache time each object carries
 * (`Cache-Control: public, max-age=60`, set by the publisher; the managed CachingOptimized policy defers to it)
 * and CloudFront's managed security headers (HSTS, nosniff, frame options, referrer policy; the page carries its
 * own Content-Security-Policy). Edges in North America and Europe only (price class 100), which serve the rest of
 * the world too, a little slower. The page's URL is a stack output.
 *
 * Cost (us-east-1 list prices, priced by `lookout cost`): S3 PUTs ($0.005 per 1,000) for the files that change
 * (the page and `status.json` every 5 minutes: 17,280 a month, $0.09), storage of about 1 MB; CloudFront requests
 * ($0.0100 per 10,000 HTTPS) and transfer ($0.085 per GB) as people read it; no access logs and no WAF (see the
 * acknowledgements below for what they would cost).
 *
 * The bucket is kept when the stack is deleted or the status page removed (it holds only files the sweep writes
 * again); delete it by hand.
 */
export class StatusPageSite extends Construct {
  /** The bucket the sweep publishes to. */
  readonly bucket: s3.Bucket;
  /** The distribution readers reach. */
  readonly distribution: cloudfront.Distribution;
  /** The page's address: `https://<distribution domain>/`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StatusPageSiteProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: props.comment,
      defaultRootObject: statusPageFiles.html,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessControl: new cloudfront.S3OriginAccessControl(this, 'AccessControl', {
            originAccessControlName: props.accessControlName,
            description: 'Lookout status page: CloudFront reads the bucket, signed',
          }),
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        compress: true,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;
    new CfnOutput(this, 'Url', {
      description:
        'The Lookout status page (status.json, badges/<check id>/<badge>.svg and incidents.atom beside it)',
      value: this.url,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public status page, written by the sweep alone; server access logs would add a log bucket and a PUT per log file for nothing to audit.',
    });
    const distribution = Validations.of(this.distribution);
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'A public status page is for everyone: no country is kept out.',
    });
    distribution.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'A WAF web ACL costs $5 a month plus $1 per rule and $0.60 per million requests, more than the page itself; the distribution serves only static files that change each minute, cached at the edge.',
    });
    distribution.acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'Access logs would need a log bucket (about $0.50 per million requests in S3 PUTs and storage) to record who read public files; CloudFront metrics in CloudWatch count the requests free.',
    });
    distribution.acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses the default *.cloudfront.net certificate, whose minimum viewer TLS version CloudFront fixes (TLSv1); a custom domain with an ACM certificate would allow TLSv1.2_2021. Viewers are redirected to HTTPS.',
    });
  }

  /**
   * Lets a role publish the page: list the bucket (a new container learns what is there, not uploading it again),
   * put objects, and delete the badges of checks no longer listed.
   */
  grantPublish(role: iam.Role): void {
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId()}.Arn>/*]`,
      reason:
        "The status page's files are any object of its own bucket (the page, status.json, the feed, a badge per check); nothing else is in it.",
    });
  }

  private bucketLogicalId(): string {
    const stack = this.bucket.stack;
    return stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
  }
}
