import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStatusPageData, localStatusPageTitle } from '../../functions/cli/local-status-page';
import { type StatusServer, startStatusServer } from '../../functions/cli/status-server';
import { dayMs, hourMs } from '../../functions/core/declare/duration';
import type { StatusJson } from '../../functions/core/status-page';
import { launchChromium } from '../support/chromium';
import { hostileName, type SimulatedHistory, simulateHistory } from '../support/status-history';
import { useDynamo } from '../support/use-dynamo';

const artifactsDir = join(import.meta.dirname, '..', 'artifacts');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

const db = useDynamo();
let history: SimulatedHistory;
let server: StatusServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(artifactsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The local page of two days and three hours of history (useDynamo makes a table for each test; the history is written
 * once, into the first test's, which stays) (written by the real evaluator and sweep), served by the status
 * server `lookout run` starts, read from the store as `lookout run` reads it; the page's clock and the browser's
 * are the simulation's.
 */
async function serveHistory(): Promise<void> {
  if (server !== undefined) return;
  history = await simulateHistory(db, 2 * dayMs + 3 * hourMs);
  server = await startStatusServer(
    0,
    localStatusPageData(
      () => history.run.store,
      history.run.monitor,
      () => history.run.nowMs,
    ),
  );
}

async function openPage(
  width: number,
): Promise<{ context: BrowserContext; page: Page; requested: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  const requested: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    return url.startsWith(`${server.url}/`) ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(history.run.nowMs);
  return { context, page, requested };
}

describe('the local status page (lookout run), in headless Chromium', () => {
  it('shows the banner, the open incident, 90 bars per check, past incidents, and runs nothing from the data', async () => {
    await serveHistory();
    const { context, page, requested } = await openPage(1280);
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe(localStatusPageTitle);
    expect(await page.locator('#overall').textContent()).toContain('Some checks are down');
    const banner = await page.locator('.banner li').allTextContents();
    expect(banner).toHaveLength(1);
    expect(banner[0]).toMatch(
      new RegExp(`^${escapeRegExp(hostileName)}: down since .+ \\(for [\\dhm ]+\\)$`),
    );
    const openIncidents = page.locator('section[aria-labelledby="open-incidents"] > ol > li');
    expect(await openIncidents.locator('h3').allTextContents()).toEqual([`CriticalOutage: ${hostileName}`]);
    const checks = page.locator('section[aria-labelledby="checks"] > ul.plain > li');
    expect(await checks.locator('h3').allTextContents()).toEqual(['Orders API', hostileName, 'Cache']);
    for (const bars of await checks.locator('.bars').all()) expect(await bars.locator('li').count()).toBe(90);
    // Orders API's second day had its outage: 3 of its 48 rounds failed, below 99 %.
    const outageDay = checks.first().locator('.bar-major');
    expect(await outageDay.count()).toBe(1);
    expect(await outageDay.locator('.sr').textContent()).toMatch(
      /^2026-11-03: 93\.75% up \(90 of 96 probes\); 1 incident: outage for 2h$/,
    );
    // Cache lost a probe in one region now and then: days below 100 %, above 99 %... or below, never an incident.
    expect(await checks.nth(2).locator('.bar-good').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="past-incidents"] > ol > li').count()).toBe(1);
    expect(await page.evaluate('window.__injected')).toBeUndefined();
    expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
    expect(requested).toEqual([`${server.url}/`]);
    await context.close();
  }, 60_000);

  for (const width of [390, 1280]) {
    it(`fits ${width} px without scrolling sideways, and has no serious or critical accessibility violation`, async () => {
      await serveHistory();
      const { context, page } = await openPage(width);
      await page.goto(`${server.url}/`);
      const { scrollWidth, innerWidth } = (await page.evaluate(
        '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
      )) as { scrollWidth: number; innerWidth: number };
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const screenshot = join(artifactsDir, `local-status-page-${width}.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`local status page screenshot at ${width} px: ${screenshot}`);
      await page.evaluate(axeSource);
      const { violations } = (await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] })",
      )) as AxeResult;
      expect(
        violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((node) => node.target))})`,
          ),
      ).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('serves status.json, a badge per check and kind, the incident feed, and /health', async () => {
    await serveHistory();
    const { context, page } = await openPage(1280);
    const json = await fetch(`${server.url}/status.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const status = (await json.json()) as StatusJson;
    expect(status.schema).toBe('lookout.status.v1');
    expect(status.title).toBe(localStatusPageTitle);
    expect(status.status).toBe('down');
    expect(status.checks.map((check) => [check.id, check.state, check.target])).toEqual([
      ['orders-api', 'up', 'https://api.example.com/health'],
      ['website', 'down', 'https://www.example.com/'],
      ['cache', 'up', 'cache.internal:6379'],
    ]);
    expect(status.checks[0]?.days.at(-2)?.percent).toBe(93.75);
    expect(status.checks[0]?.latencyMs?.p50).toBeGreaterThan(90);
    expect(status.checks[0]?.certificate?.validTo).toBe('2027-01-15T00:00:00.000Z');

    const badge = await page.goto(`${server.url}/${status.checks[1]?.badges.status}`);
    expect(badge?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(await page.locator('svg title').textContent()).toBe(`${hostileName} status: down`);
    const uptime = await (await fetch(`${server.url}/${status.checks[0]?.badges['uptime-24h']}`)).text();
    expect(uptime).toContain('uptime 24h');

    const feed = await fetch(`${server.url}/incidents.atom`);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const text = await feed.text();
    const titles = (await page.evaluate(
      `[...new DOMParser().parseFromString(${JSON.stringify(text)}, 'application/xml').getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((entry) => entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0].textContent)`,
    )) as string[];
    expect(titles).toEqual([
      `Opened: Outage, ${hostileName}`,
      'Resolved: Outage, Orders API',
      'Opened: Outage, Orders API',
    ]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/badges/nobody/status.svg`)).status).toBe(404);
    await context.close();
  }, 60_000);

  it('previews a declared status page as it will be published: its title, only its checks, only what it shows', async () => {
    await serveHistory();
    const monitor = {
      ...history.run.monitor,
      statusPage: { title: 'Acme status', checks: ['orders-api'], show: { targets: false, errors: false } },
    };
    const preview = await startStatusServer(
      0,
      localStatusPageData(
        () => history.run.store,
        monitor,
        () => history.run.nowMs,
      ),
    );
    try {
      const status = (await (await fetch(`${preview.url}/status.json`)).json()) as StatusJson;
      expect(status.title).toBe('Acme status');
      expect(status.checks.map((check) => check.id)).toEqual(['orders-api']);
      expect(status.checks[0]?.target).toBeUndefined();
      expect(status.incidents.map((incident) => incident.checkId)).toEqual(['orders-api']);
      expect(await (await fetch(`${preview.url}/`)).text()).not.toContain('Website');
    } finally {
      await preview.close();
    }
  }, 60_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
