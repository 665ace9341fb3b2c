import type { StatusPagePublisher } from '../../core/ports/status-page-publisher';

/** Where the status page is published. */
export interface LazyS3PublisherOptions {
  /** The bucket's region (the home region). */
  region: string;
  bucket: string;
}

/**
 * The S3 publisher, with the S3 SDK package loaded on the first publication (once per container) rather than at
 * the bundle's import: only the first sweep shard publishes, and loading a package blocks the event loop for
 * 5 to 45 ms. A failed load is tried again at the next publication.
 */
export function createLazyS3StatusPagePublisher(options: LazyS3PublisherOptions): StatusPagePublisher {
  let made: Promise<StatusPagePublisher> | undefined;
  const publisher = () => {
    made ??= import('./s3-publisher')
      .then(({ createS3Client, createS3StatusPagePublisher }) =>
        createS3StatusPagePublisher({
          client: createS3Client({ region: options.region }),
          bucket: options.bucket,
        }),
      )
      .catch((error: unknown) => {
        made = undefined;
        throw error;
      });
    return made;
  };
  return { publish: async (files) => (await publisher()).publish(files) };
}
