/** Support for the tests that drive a real browser (system Chromium) against a running mock. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium; the browser tests skip, not fail, without it (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether {@link CHROMIUM} is installed. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Launches {@link CHROMIUM} headless, without background network traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
