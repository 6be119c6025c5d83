/** Support for the tests that drive a real browser (system Chromium) against a running mock. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The system Chromium. Without it the browser tests skip with a warning, except under
 * .ci/run (`DINHDANH_REQUIRE_SERVICES=1`), which installs it: there a missing browser fails.
 */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests run: {@link CHROMIUM} is installed, or CI requires it. */
export const HAS_CHROMIUM = existsSync(CHROMIUM) || process.env.DINHDANH_REQUIRE_SERVICES === '1';

if (!HAS_CHROMIUM) {
  console.warn(`SKIPPED: the browser tests need ${CHROMIUM} (apt-get install -y chromium).`);
}

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
