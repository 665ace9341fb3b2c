import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../../functions/adapters/listen-on-loopback';
import { minuteMs } from '../../../functions/core/declare/duration';
import {
  badgeKinds,
  badgePath,
  renderCheckBadge,
  renderIncidentFeed,
  renderStatusHtml,
  renderStatusJson,
  type StatusPageData,
  statusPageContentTypes,
  statusPageFiles,
} from '../../../functions/core/status-page';
import { launchChromium } from '../../support/chromium';
import { closeServer } from '../../support/close-server';
import { hostileText, nowMs, realisticStatusPage } from './status-page-fixture';

const artifactsDir = join(import.meta.dirname, '..', '..', 'artifacts');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every file of a status page, by path, as a server or a bucket would hold them. */
function statusPageSite(data: StatusPageData): Map<string, { type: string; body: string }> {
  const site = new Map<string, { type: string; body: string }>([
    [statusPageFiles.html, { type: statusPageContentTypes.html, body: renderStatusHtml(data) }],
    [statusPageFiles.json, { type: statusPageContentTypes.json, body: renderStatusJson(data) }],
    [statusPageFiles.feed, { type: statusPageContentTypes.feed, body: renderIncidentFeed(data) }],
  ]);
  for (const check of data.checks)
    for (const badge of badgeKinds)
      site.set(badgePath(check.id, badge), {
        type: statusPageContentTypes.badge,
        body: renderCheckBadge(check, badge),
      });
  return site;
}

/** The sites this test serves, each under its own folder: `/<site>/` is its page. */
const sites: Record<string, StatusPageData> = {
  realistic: { ...realisticStatusPage({ targets: true, errors: true }), reloadEveryMs: 0 },
  hostile: { ...realisticStatusPage({ targets: true, errors: true }, hostileText), reloadEveryMs: 0 },
  reloading: { ...realisticStatusPage(), reloadEveryMs: 300 },
};

/** Runs inside the page: the parser error of `text` as `type`, or null when it is well-formed. */
const parserError = (text: string, type: string) =>
  `(() => { const doc = new DOMParser().parseFromString(${JSON.stringify(text)}, ${JSON.stringify(type)}); const error = doc.getElementsByTagName('parsererror')[0]; return error ? error.textContent : null; })()`;

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

let server: Server;
let origin: string;
let browser: Browser;
const served: string[] = [];

beforeAll(async () => {
  const files = new Map<string, { type: string; body: string }>(
    Object.entries(sites).flatMap(([site, data]) =>
      [...statusPageSite(data)].map(([path, file]) => [`/${site}/${path}`, file] as const),
    ),
  );
  server = createServer((request, response) => {
    const path = (request.url ?? '/').replace(/\/$/, `/${statusPageFiles.html}`);
    served.push(path);
    const file = files.get(decodeURIComponent(path));
    if (file === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  browser = await launchChromium();
  mkdirSync(artifactsDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  if (server !== undefined) await closeServer(server);
});

/**
 * A page at `width` px whose clock reads `clockMs`, in India's time zone (UTC+5:30, so converted times differ from
 * UTC ones), that records every request and blocks any that would leave loopback.
 */
async function openPage(
  width: number,
  clockMs = nowMs,
): Promise<{ context: BrowserContext; page: Page; requested: string[]; consoleErrors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Asia/Kolkata',
    locale: 'en-US',
  });
  const requested: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.clock.setFixedTime(clockMs);
  return { context, page, requested, consoleErrors };
}

describe('the status page in headless Chromium', () => {
  it('shows the banner, open incidents, maintenance, the bars and past incidents, in the reader’s time zone', async () => {
    const { context, page, requested, consoleErrors } = await openPage(1280, nowMs + 2 * minuteMs);
    await page.goto(`${origin}/realistic/`);
    expect(await page.locator('h1').textContent()).toBe('Acme status');
    expect(await page.locator('#overall').textContent()).toContain('Some checks are down');
    expect(await page.locator('.banner li').allTextContents()).toEqual([
      expect.stringMatching(/^Orders API: down since Nov 24, 2026, 3:26\sPM \(for 6m\)$/),
      expect.stringMatching(/^Search: degraded since Nov 24, 2026, 3:10\sPM \(for 22m\)$/),
      expect.stringMatching(/^Billing database: maintenance since Nov 24, 2026, 7:30\sAM \(for 8h 2m\)$/),
    ]);
    const openIncidents = page.locator('section[aria-labelledby="open-incidents"] > ol > li');
    expect(await openIncidents.locator('h3').allTextContents()).toEqual([
      'CriticalOutage: Orders API',
      'WarningDegraded performance: Search',
    ]);
    expect(await page.locator('section[aria-labelledby="maintenance"] h3').allTextContents()).toEqual([
      'NowBilling database',
      'UpcomingAll checks',
      'UpcomingBilling database',
    ]);
    const checks = page.locator('section[aria-labelledby="checks"] > ul.plain > li');
    expect(await checks.locator('h3').allTextContents()).toEqual([
      'Orders API',
      'Website',
      'Search',
      'Billing database',
      'Status webhook',
    ]);
    for (const bars of await checks.locator('.bars').all())
      expect(await bars.locator('li:visible').count()).toBe(90);
    const worstDay = checks.first().locator('.bar-major');
    const worstDayText = worstDay.locator('.sr');
    expect(await worstDayText.textContent()).toBe('2026-10-14: 97.91% up (1410 of 1440 probes)');
    expect((await worstDayText.boundingBox())?.width).toBeLessThanOrEqual(1);
    await worstDay.hover();
    expect((await worstDayText.boundingBox())?.width).toBeGreaterThan(100);
    expect((await worstDay.boundingBox())?.height).toBeLessThan(
      (await checks.first().locator('.bar-good').first().boundingBox())?.height ?? 0,
    );
    expect(await page.locator('section[aria-labelledby="past-incidents"] > ol > li').count()).toBe(3);
    const opened = page.locator('section[aria-labelledby="past-incidents"] time').first();
    expect(await opened.getAttribute('title')).toBe('2026-11-21 14:02 UTC');
    expect(await opened.textContent()).toMatch(/^Nov 21, 2026, 7:32\sPM$/);
    expect(consoleErrors).toEqual([]);
    expect(requested).toEqual([`${origin}/realistic/`]);
    await context.close();
  });

  it('reads without its script, in UTC, as of when it was made', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${origin}/realistic/`);
    expect(await page.locator('.banner li').first().textContent()).toBe(
      'Orders API: down since 2026-11-24 09:56 UTC (for 4m)',
    );
    await context.close();
  });

  for (const width of [390, 1280]) {
    it(`fits ${width} px without scrolling sideways, and has no serious or critical accessibility violation`, async () => {
      const { context, page, requested } = await openPage(width);
      await page.goto(`${origin}/realistic/`);
      const { scrollWidth, innerWidth } = (await page.evaluate(
        '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
      )) as { scrollWidth: number; innerWidth: number };
      expect(innerWidth).toBe(width);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const visibleBars = await page.locator('.bars').first().locator('li:visible').count();
      expect(visibleBars).toBe(width < 640 ? 30 : 90);
      const screenshot = join(artifactsDir, `status-page-${width}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`status page screenshot at ${width} px: ${screenshot}`);

      await page.evaluate(axeSource);
      const { violations } = (await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] })",
      )) as AxeResult;
      const serious = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((node) => node.target))})`,
        );
      expect(serious).toEqual([]);
      expect(requested.every((url) => url.startsWith(`${origin}/`))).toBe(true);
      await context.close();
    });
  }

  it('runs nothing that came from a user or a target, and shows it as text', async () => {
    const { context, page, requested } = await openPage(1280);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      return dialog.dismiss();
    });
    await page.goto(`${origin}/hostile/`);
    expect(await page.evaluate('window.__injected')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('h1').textContent()).toContain(
      `<img src=x onerror="window.__injected='title'">`,
    );
    expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(requested).toEqual([`${origin}/hostile/`]);
    await context.close();
  });

  it('reloads itself as often as the data asks', async () => {
    const { context, page } = await openPage(1280);
    await page.goto(`${origin}/reloading/`);
    await page.waitForEvent('load', { timeout: 5_000 });
    expect(
      served.filter((path) => path === `/reloading/${statusPageFiles.html}`).length,
    ).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('serves a well-formed Atom feed with unique entry ids, status.json and well-formed badges', async () => {
    const { context, page } = await openPage(1280);
    await page.goto(`${origin}/realistic/`);
    expect(await page.evaluate(parserError('<feed><entry></feed>', 'application/xml'))).not.toBeNull();
    for (const site of ['realistic', 'hostile']) {
      const feedResponse = await fetch(`${origin}/${site}/${statusPageFiles.feed}`);
      expect(feedResponse.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const feed = await feedResponse.text();
      expect(await page.evaluate(parserError(feed, 'application/xml'))).toBeNull();
      const ids = (await page.evaluate(
        `[...new DOMParser().parseFromString(${JSON.stringify(feed)}, 'application/xml').getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((entry) => entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'id')[0].textContent)`,
      )) as string[];
      expect(ids).toHaveLength(9);
      expect(new Set(ids).size).toBe(ids.length);
      const json = (await (await fetch(`${origin}/${site}/${statusPageFiles.json}`)).json()) as {
        schema: string;
      };
      expect(json.schema).toBe('lookout.status.v1');
      for (const badge of badgeKinds) {
        const svg = await (await fetch(`${origin}/${site}/${badgePath('orders-api', badge)}`)).text();
        expect(await page.evaluate(parserError(svg, 'image/svg+xml')), badge).toBeNull();
      }
    }
    const badge = await page.goto(`${origin}/realistic/${badgePath('orders-api', 'status')}`);
    expect(badge?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(await page.locator('svg title').textContent()).toBe('Orders API status: down');
    await context.close();
  });
});
