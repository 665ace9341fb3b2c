import { renderCheckBadge } from './render-badge-svg';
import { renderIncidentFeed } from './render-incident-feed';
import { renderStatusHtml } from './render-status-html';
import { renderStatusJson } from './render-status-json';
import type { StatusPageData } from './status-page-data';
import { badgeKinds, badgePath, statusPageContentTypes, statusPageFiles } from './status-page-files';

/** One file of the status page, as it is served or published. */
export interface StatusPageFile {
  /** Relative to the page's root, such as `index.html` or `badges/orders-api/status.svg`. */
  path: string;
  /** The `Content-Type` it is served with. */
  contentType: string;
  /** The `Cache-Control` it is served with. */
  cacheControl: string;
  body: string;
}

/**
 * How long browsers and CloudFront may keep each file: a minute, about as long as the data behind it (the sweep
 * runs every minute). CloudFront honours it (the distribution's cache policy defers to the origin), so an
 * edge asks the bucket for a file at most once a minute however many people read it.
 */
export const statusPageCacheControl = 'public, max-age=60';

/**
 * Every file of the status page for `data`: the page, `status.json`, the incident feed, and each listed check's
 * badges (`badgeKinds`, 6 per check). Pure: the same data gives the same files, so a publisher can upload only
 * those whose body changed.
 */
export function renderStatusPageSite(data: StatusPageData): StatusPageFile[] {
  const file = (path: string, contentType: string, body: string): StatusPageFile => ({
    path,
    contentType,
    cacheControl: statusPageCacheControl,
    body,
  });
  return [
    file(statusPageFiles.html, statusPageContentTypes.html, renderStatusHtml(data)),
    file(statusPageFiles.json, statusPageContentTypes.json, renderStatusJson(data)),
    file(statusPageFiles.feed, statusPageContentTypes.feed, renderIncidentFeed(data)),
    ...data.checks.flatMap((check) =>
      badgeKinds.map((badge) =>
        file(badgePath(check.id, badge), statusPageContentTypes.badge, renderCheckBadge(check, badge)),
      ),
    ),
  ];
}

/**
 * How often the deployed page is regenerated at least (by the first sweep shard), besides as soon as a listed
 * check's state changes: its uptime, latency and relative times move slowly, and each regeneration uploads the
 * page and `status.json` again (two S3 PUTs).
 */
export const statusPageRefreshMs = 5 * 60_000;
