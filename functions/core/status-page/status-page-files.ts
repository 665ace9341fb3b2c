import { type UptimeWindow, uptimeWindows } from './status-page-data';

/**
 * The status page's files, relative to where the page is served (`/` on `lookout run`, the bucket's root behind
 * CloudFront): the page links to them by these paths, so whoever serves or publishes them uses the same ones.
 */
export const statusPageFiles = {
  html: 'index.html',
  json: 'status.json',
  feed: 'incidents.atom',
} as const;

/** The badges of one check: its status, its uptime over each window, its latency (p50 over 24 h). */
export type BadgeKind = 'status' | `uptime-${UptimeWindow}` | 'latency';

/** Every badge a check has. */
export const badgeKinds: readonly BadgeKind[] = [
  'status',
  ...uptimeWindows.map((window) => `uptime-${window}` as const),
  'latency',
];

/** Where a check's badge is: `badges/<check id>/<badge>.svg`. */
export function badgePath(checkId: string, badge: BadgeKind): string {
  return `badges/${encodeURIComponent(checkId)}/${badge}.svg`;
}

/** The content type each file is served with. */
export const statusPageContentTypes = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  feed: 'application/atom+xml; charset=utf-8',
  badge: 'image/svg+xml; charset=utf-8',
} as const;

/**
 * A value for an element `id` (and a URL fragment) made from any text, injective: letters, digits and `-` stay, every
 * other character becomes `_` and its UTF-16 code in four hex digits, so two different texts never share an anchor.
 */
export function anchorId(prefix: string, text: string): string {
  return `${prefix}-${text.replace(/[^A-Za-z0-9-]/g, (character) => `_${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}
