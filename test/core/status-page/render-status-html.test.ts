import { describe, expect, it } from 'vitest';
import { formatSpanMs } from '../../../functions/core/messages/format-span';
import {
  escapeMarkup,
  renderStatusHtml,
  type StatusPageCheck,
  type StatusPageData,
} from '../../../functions/core/status-page';
import { statusPageScript } from '../../../functions/core/status-page/status-page-assets';
import { hostile, hostileText, nowMs, outsideTexts, realisticStatusPage } from './status-page-fixture';

function onlyCheck(check: Partial<StatusPageCheck>): StatusPageData {
  const data = realisticStatusPage();
  const first = data.checks[0] as StatusPageCheck;
  return { ...data, checks: [{ ...first, ...check }], incidents: [], maintenance: [] };
}

describe('renderStatusHtml', () => {
  it('escapes every text that comes from a user or a target, and still shows each one', () => {
    const html = renderStatusHtml(realisticStatusPage({ targets: true, errors: true }, hostileText));
    for (const field of outsideTexts) expect(html, field).toContain(escapeMarkup(hostile(field)));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('\u0007');
  });

  it('escapes ids too (they are validated, but the page does not rely on it)', () => {
    const html = renderStatusHtml(onlyCheck({ id: `x" onmouseover="alert(1)` }));
    expect(html).not.toContain('onmouseover="');
    expect(html).toContain('id="check-x_0022_0020onmouseover_003d_0022alert_00281_0029"');
  });

  it('shows targets and errors only when asked (a public page must not leak internal hosts)', () => {
    const hidden = renderStatusHtml(realisticStatusPage());
    expect(hidden).not.toContain('search.internal');
    expect(hidden).not.toContain('billing-db.internal');
    expect(hidden).not.toContain('timed out after 5000 ms');
    const shown = renderStatusHtml(realisticStatusPage({ targets: true, errors: true }));
    expect(shown).toContain('http://search.internal:9200/_cluster/health');
    expect(shown).toContain(
      '<code>CONNECT_TIMEOUT</code> connecting to api.example.com:443 timed out after 5000 ms',
    );
  });

  it('never shows what belongs to unlisted checks', () => {
    const html = renderStatusHtml(realisticStatusPage({ targets: true, errors: true }));
    expect(html).not.toContain('internal-admin');
    expect(html).not.toContain('private, not shown');
  });

  it('says which checks are down, degraded or in maintenance, since when, in the banner', () => {
    const html = renderStatusHtml(realisticStatusPage());
    const banner = html.slice(html.indexOf('<section class="banner'), html.indexOf('</section>'));
    expect(banner).toContain('banner-down');
    expect(banner).toContain('Some checks are down');
    expect(banner).toContain(
      'Orders API</a>: down since <time datetime="2026-11-24T09:56:00.000Z">2026-11-24 09:56 UTC</time> (for <span data-span-since="2026-11-24T09:56:00.000Z">4m</span>)',
    );
    expect(banner).toContain('Search</a>: degraded since');
    expect(banner).toContain('Billing database</a>: maintenance since');
  });

  it('says all systems are operational when every check is up', () => {
    const html = renderStatusHtml(onlyCheck({ state: 'up' }));
    expect(html).toContain('banner-operational');
    expect(html).toContain('All systems operational</h2></section>');
    expect(html).not.toContain('Open incidents');
  });

  it('draws one bar per day, each with its words (colour is never the only signal)', () => {
    const html = renderStatusHtml(realisticStatusPage());
    const orders = html.slice(html.indexOf('id="check-orders-api"'), html.indexOf('id="check-website"'));
    expect(orders.match(/<li class="bar /g)).toHaveLength(90);
    expect(orders.match(/bar-older/g)).toHaveLength(60);
    expect(orders).toContain(
      '<li class="bar bar-partial bar-incident"><span class="sr">2026-11-21: 99.16% up (1428 of 1440 probes); 1 incident: outage for 12m</span></li>',
    );
    expect(orders).toContain(
      'class="bar bar-major bar-older"><span class="sr">2026-10-14: 97.91% up (1410 of 1440 probes)<',
    );
    const search = html.slice(html.indexOf('id="check-search"'), html.indexOf('id="check-billing-db"'));
    expect(search).toContain('>2026-10-14: no data</span>');
  });

  it('shows uptime per window, latency percentiles and certificate expiry, warning when it is near', () => {
    const html = renderStatusHtml(realisticStatusPage());
    const orders = html.slice(html.indexOf('id="check-orders-api"'), html.indexOf('id="check-website"'));
    expect(orders).toContain('<dt>Uptime 24h</dt><dd>99.33%</dd>');
    expect(orders).toContain('<dt>Uptime 90d</dt><dd>99.96%</dd>');
    expect(orders).toContain('<dt>Latency p50, 24h</dt><dd>87 ms</dd>');
    expect(orders).toContain('<dt>Latency p95, 24h</dt><dd>213 ms</dd>');
    expect(orders).toContain('<dt>Certificate</dt><dd>45 days left (2027-01-08)</dd>');
    expect(html).toContain('<dt>Certificate</dt><dd class="error">! 10 days left (2026-12-04)</dd>');
    expect(html).toContain('<dt>Latency p95, 24h</dt><dd>1.24 s</dd>');
  });

  it('lists open incidents and maintenance at the top, past incidents with their durations below', () => {
    const html = renderStatusHtml(realisticStatusPage());
    const order = ['id="open-incidents"', 'id="maintenance"', 'id="checks"', 'id="past-incidents"'].map(
      (marker) => html.indexOf(marker),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
    expect(html).toContain('Opened <time datetime="2026-11-21T14:02:00.000Z">');
    expect(html).toContain('Escalated <time datetime="2026-11-21T14:07:00.000Z">');
    expect(html).toContain('</time>, after 12m</li>');
    expect(html).toContain('(during maintenance)');
    expect(html).toContain('In progress since <time datetime="2026-11-24T02:00:00.000Z">');
    expect(html).toContain('Moving to a new data centre');
  });

  it('allows only its own style and script, by hash', () => {
    const html = renderStatusHtml(realisticStatusPage());
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('is the same page for the same data (no clock of its own)', () => {
    expect(renderStatusHtml(realisticStatusPage())).toBe(renderStatusHtml(realisticStatusPage()));
  });

  it("keeps relative times as the server writes them: the script's span is formatSpanMs", () => {
    const span = new Function(`return ${statusPageScript.replace(/;$/, '')}`)() as (ms: number) => string;
    const spans = [
      0, 999, 59_999, 60_000, 3_599_999, 3_600_000, 3_660_000, 86_399_999, 86_400_000, 95_000_000,
    ];
    for (const ms of [...spans, nowMs % 10_000_000, -5]) expect(span(ms), String(ms)).toBe(formatSpanMs(ms));
  });
});
