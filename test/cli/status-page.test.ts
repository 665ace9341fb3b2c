import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckView } from '../../functions/cli/check-view';
import { type StatusServer, startStatusServer } from '../../functions/cli/status-server';
import type { ResolvedHttpCheck } from '../../functions/core/resolve/resolved-monitor';
import { launchChromium } from '../support/chromium';
import { simulatedResult } from '../support/scenario';

const check = {
  id: 'orders-api',
  kind: 'http',
  url: 'https://api.example.com/',
  regions: ['local'],
} as ResolvedHttpCheck;
/** The page's own global, used in a callback run inside the page (this project's TypeScript has no DOM library). */
declare function getComputedStyle(element: unknown): { color: string };
const startedMs = Date.parse('2026-11-24T10:00:00.000Z');
const failed = simulatedResult(check, 'local', startedMs, 'fail');
const hostile = '<img src=x onerror="window.__injected = true">';

const views: CheckView[] = [
  {
    id: 'orders-api',
    name: 'Orders API',
    target: 'https://api.example.com/',
    state: 'DOWN',
    lastResult: { ...failed, error: { code: 'CONNECT_TIMEOUT', message: `timed out ${hostile}` } },
    firing: ['outage'],
  },
  {
    id: 'website',
    name: 'Website',
    target: 'https://example.com/',
    state: 'UP',
    lastResult: simulatedResult({ ...check, id: 'website' }, 'local', startedMs, 'ok'),
    firing: [],
  },
  { id: 'new-check', name: 'New', target: 'cache.internal:6379', state: 'PENDING', firing: [] },
];

let server: StatusServer;
let browser: Browser;
beforeAll(async () => {
  server = await startStatusServer(0, () => views);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the local status page, in headless Chromium', () => {
  it('shows one row per check with its state, latency, error and firing alerts, and runs nothing from the data', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/`);
    const rows = await page
      .locator('tbody tr')
      .evaluateAll((elements) =>
        elements.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
      );
    expect(rows.map((cells) => [cells[0], cells[1], cells[6]])).toEqual([
      ['DOWN', 'orders-api', 'outage'],
      ['UP', 'website', ''],
      ['PENDING', 'new-check', ''],
    ]);
    expect(rows[0]?.[5]).toBe(`CONNECT_TIMEOUT: timed out ${hostile}`);
    expect(rows[1]?.[3]).toBe('120 ms');
    const downColor = await page
      .locator('tbody tr td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).color);
    expect(downColor).toBe('rgb(185, 28, 28)');
    expect(await page.evaluate(() => (globalThis as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(requested.every((url) => url.startsWith(server.url))).toBe(true);
    await page.close();
  });

  it('serves the same checks as JSON', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/api/status`);
    const body = (await response?.json()) as { checks: CheckView[] };
    expect(body.checks.map((view) => view.state)).toEqual(['DOWN', 'UP', 'PENDING']);
    await page.close();
  });
});
