import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is: LOOKOUT_CHROMIUM, else Debian's /usr/bin/chromium (`npm test` installs it when missing). */
export function chromiumExecutable(): string {
  const candidates = [process.env.LOOKOUT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
  if (found === undefined)
    throw new Error('Chromium not found: run the tests with `npm test`, which installs it');
  return found;
}

/**
 * Headless Chromium with no background traffic: only the pages a test opens (on 127.0.0.1) are requested.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=MediaRouter,OptimizationHints,Translate',
    ],
  });
}
