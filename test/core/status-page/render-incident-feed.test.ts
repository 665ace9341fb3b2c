import { describe, expect, it } from 'vitest';
import { escapeMarkup, renderIncidentFeed } from '../../../functions/core/status-page';
import { hostile, hostileText, nowMs, realisticStatusPage } from './status-page-fixture';

function entries(feed: string): string[] {
  return feed.split('<entry>').slice(1);
}

describe('renderIncidentFeed (Atom)', () => {
  it('has one entry per opened, escalated and resolved event of listed checks, newest first, with unique ids', () => {
    const feed = renderIncidentFeed(realisticStatusPage());
    const ids = [...feed.matchAll(/<entry>\n<id>([^<]+)<\/id>/g)].map((match) => match[1]);
    expect(ids).toEqual([
      'urn:lookout:event:orders-api%3Aoutage%3A5',
      'urn:lookout:event:search%3Adegraded%3A1',
      'urn:lookout:event:orders-api%3Aoutage%3A4',
      'urn:lookout:event:orders-api%3Aoutage%3A2',
      'urn:lookout:event:orders-api%3Aoutage%3A1',
      'urn:lookout:event:billing-db%3Aoutage%3A2',
      'urn:lookout:event:billing-db%3Aoutage%3A1',
      'urn:lookout:event:website%3Aoutage%3A2',
      'urn:lookout:event:website%3Aoutage%3A1',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const updated = entries(feed).map((entry) => /<updated>([^<]+)</.exec(entry)?.[1] ?? '');
    expect(updated).toEqual([...updated].sort().reverse());
    expect(feed).not.toContain('reminder');
    expect(feed).not.toContain('internal-admin');
    expect(feed).toContain('<title>Escalated to critical: Outage, Orders API</title>');
    expect(feed).toContain('Resolved 2026-11-21 14:14 UTC, after 12m.');
  });

  it('is an Atom feed with the required elements, updated at its newest entry', () => {
    const feed = renderIncidentFeed(realisticStatusPage());
    expect(
      feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'),
    ).toBe(true);
    expect(feed).toContain('<id>urn:lookout:status</id>');
    expect(feed).toContain('<updated>2026-11-24T09:57:00.000Z</updated>\n<author>');
    for (const entry of entries(feed)) {
      for (const element of ['<id>', '<title>', '<updated>', '<content type="text">'])
        expect(entry).toContain(element);
    }
  });

  it('does not change when only the clock moves (readers see no false updates)', () => {
    const now = realisticStatusPage();
    expect(renderIncidentFeed({ ...now, nowMs: nowMs + 3_600_000 })).toBe(renderIncidentFeed(now));
  });

  it('links into the page when its URL is known', () => {
    const feed = renderIncidentFeed({ ...realisticStatusPage(), pageUrl: 'https://status.example.com/' });
    expect(feed).toContain('<id>https://status.example.com/incidents.atom</id>');
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://status.example.com/incidents.atom"/>',
    );
    expect(feed).toContain(
      'href="https://status.example.com/#incident-orders-api_003aoutage_00402026-11-21T14_003a02_003a00_002e000Z"',
    );
  });

  it('escapes every outside text, and drops characters XML forbids', () => {
    const feed = renderIncidentFeed(realisticStatusPage({}, hostileText));
    expect(feed).toContain(escapeMarkup(hostile('title')));
    expect(feed).toContain(escapeMarkup(hostile('name')));
    expect(feed).toContain(escapeMarkup(hostile('summary')));
    expect(feed).not.toContain('<img');
    expect(feed).not.toContain('\u0007');
  });
});
