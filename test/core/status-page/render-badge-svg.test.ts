import { describe, expect, it } from 'vitest';
import {
  badgeKinds,
  badgePath,
  badgeTextWidth,
  escapeMarkup,
  renderBadge,
  renderCheckBadge,
  type StatusPageCheck,
} from '../../../functions/core/status-page';
import { hostile, hostileText, realisticStatusPage } from './status-page-fixture';

function width(svg: string): number {
  return Number(/<svg [^>]*width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
}

describe('renderBadge', () => {
  it('grows with its text, label and message each', () => {
    const widths = ['up', 'down', 'maintenance', 'maintenance window'].map((message) =>
      width(renderBadge('status', message, '#15803d', 'x')),
    );
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(widths.length);
    expect(width(renderBadge('uptime 90d', 'up', '#000', 'x'))).toBeGreaterThan(
      width(renderBadge('uptime', 'up', '#000', 'x')),
    );
  });

  it('measures wide letters wider than narrow ones, and unknown characters wide', () => {
    expect(badgeTextWidth('WWWW')).toBeGreaterThan(badgeTextWidth('iiii'));
    expect(badgeTextWidth('稼働')).toBeGreaterThanOrEqual(2 * badgeTextWidth('a'));
    expect(badgeTextWidth('')).toBe(0);
  });

  it('is an accessible image whose title says what it shows, every text escaped', () => {
    const svg = renderBadge('status', 'down <b>', '#b91c1c', `Orders ${hostile('name')} status: down`);
    expect(svg).toContain('role="img"');
    expect(svg).toContain(`<title>Orders ${escapeMarkup(hostile('name'))} status: down</title>`);
    expect(svg).toContain('>down &#60;b&#62;</text>');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('\u0007');
  });
});

describe('renderCheckBadge', () => {
  const checks = realisticStatusPage().checks;
  const byId = (id: string) => checks.find((check) => check.id === id) as StatusPageCheck;

  it('shows status, uptime over a window and latency, coloured by them', () => {
    const orders = byId('orders-api');
    expect(renderCheckBadge(orders, 'status')).toContain('<title>Orders API status: down</title>');
    expect(renderCheckBadge(orders, 'status')).toContain('fill="#b91c1c"');
    expect(renderCheckBadge(orders, 'uptime-24h')).toContain('<title>Orders API uptime 24h: 99.33%</title>');
    expect(renderCheckBadge(orders, 'uptime-24h')).toContain('fill="#b45309"');
    expect(renderCheckBadge(byId('website'), 'uptime-7d')).toContain('fill="#15803d"');
    expect(renderCheckBadge(orders, 'latency')).toContain('<title>Orders API latency p50 24h: 87 ms</title>');
    expect(renderCheckBadge(byId('status-webhook'), 'uptime-90d')).toContain('uptime 90d: no data</title>');
  });

  it('has one path per check and badge, safe for any id', () => {
    expect(badgeKinds).toEqual(['status', 'uptime-24h', 'uptime-7d', 'uptime-30d', 'uptime-90d', 'latency']);
    expect(badgePath('a/../b c', 'status')).toBe('badges/a%2F..%2Fb%20c/status.svg');
  });

  it('escapes a hostile check name', () => {
    const hostileCheck = realisticStatusPage({}, hostileText).checks[0] as StatusPageCheck;
    for (const badge of badgeKinds) expect(renderCheckBadge(hostileCheck, badge)).not.toContain('<img');
  });
});
