import type { StatusPageFile } from '../status-page/status-page-site';

/** What one publication changed. */
export interface PublishedFiles {
  /** The paths uploaded: new, or changed since the publisher last saw them. */
  uploaded: string[];
  /** The paths removed: badges published before of checks no longer listed. */
  deleted: string[];
  /** How many files were already there as they are. */
  unchanged: number;
}

/** Where the status page's files are published: a private S3 bucket behind CloudFront in AWS. */
export interface StatusPagePublisher {
  /**
   * Publishes `files`: uploads each file whose body differs from the published one, removes the published badges
   * that are not among them (of checks no longer listed), leaves the others alone. Rejects when a file could not be
   * published (after retries); the files published before the failure stay.
   */
  publish(files: readonly StatusPageFile[]): Promise<PublishedFiles>;
}
