import { createHash } from 'node:crypto';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mapBounded } from '../../core/map-bounded';
import type { StatusPagePublisher } from '../../core/ports/status-page-publisher';
import { badgePath } from '../../core/status-page/status-page-files';
import { type AwsClientOptions, awsClientConfig } from '../aws-client-config';
import { type RetryOptions, retryWithBackoff } from '../retry-with-backoff';

/** Where the badges are, the only files that are removed (with a check no longer listed). */
const badgeFolder = `${badgePath('-', 'status').split('/')[0]}/`;

/** An S3 client for the status page publisher. */
export function createS3Client(options: AwsClientOptions & { forcePathStyle?: boolean }): S3Client {
  return new S3Client({
    ...awsClientConfig(options),
    ...(options.forcePathStyle === undefined ? {} : { forcePathStyle: options.forcePathStyle }),
  });
}

/** What the S3 publisher needs. */
export interface S3StatusPagePublisherOptions {
  client: S3Client;
  /** The status page's bucket. */
  bucket: string;
  /**
   * Requests at once.
   * @default 8
   */
  concurrency?: number;
  /**
   * Retries of throttling, server and network errors.
   * @default { attempts: 5 }
   */
  retry?: RetryOptions;
}

/**
 * Publishes the status page to its S3 bucket, uploading only what changed: it keeps the MD5 of every object it
 * knows of (per container), learnt once from the bucket's listing (an object's ETag is its MD5 for a single-part
 * upload with SSE-S3 encryption, as here), so a new container does not upload the whole page again. Each object
 * gets its content type and cache control, which CloudFront passes on.
 *
 * Requests: a ListObjectsV2 per 1,000 objects once per container; then a PutObject per changed file (the page
 * and `status.json` at each regeneration, a badge when its text changes, the feed when an incident moves) and a
 * DeleteObject per badge no longer published (of a check no longer listed; nothing outside `badges/` is removed). Its role needs s3:ListBucket on the bucket and s3:PutObject and
 * s3:DeleteObject on its objects.
 */
export function createS3StatusPagePublisher(options: S3StatusPagePublisherOptions): StatusPagePublisher {
  const { client, bucket } = options;
  const retry = { attempts: 5, ...options.retry };
  let known: Map<string, string> | undefined;
  const listed = async (): Promise<Map<string, string>> => {
    const objects = new Map<string, string>();
    let token: string | undefined;
    do {
      const page = await retryWithBackoff(
        () => client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token })),
        retry,
      );
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined) objects.set(object.Key, (object.ETag ?? '').replace(/"/g, ''));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return objects;
  };
  return {
    async publish(files) {
      known ??= await listed();
      const objects = known;
      const changed = files
        .map((file) => ({ file, md5: createHash('md5').update(file.body).digest('hex') }))
        .filter(({ file, md5 }) => objects.get(file.path) !== md5);
      const paths = new Set(files.map((file) => file.path));
      // Only badges come and go (with the listed checks); anything else in the bucket is left alone.
      const gone = [...objects.keys()].filter((path) => path.startsWith(badgeFolder) && !paths.has(path));
      await mapBounded(changed, options.concurrency ?? 8, async ({ file, md5 }) => {
        await retryWithBackoff(
          () =>
            client.send(
              new PutObjectCommand({
                Bucket: bucket,
                Key: file.path,
                Body: file.body,
                ContentType: file.contentType,
                CacheControl: file.cacheControl,
              }),
            ),
          retry,
        );
        objects.set(file.path, md5);
      });
      await mapBounded(gone, options.concurrency ?? 8, async (path) => {
        await retryWithBackoff(
          () => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: path })),
          retry,
        );
        objects.delete(path);
      });
      return {
        uploaded: changed.map(({ file }) => file.path),
        deleted: gone,
        unchanged: files.length - changed.length,
      };
    },
  };
}
