import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`; infra/local/install-peers.sh installs it). */
const CHROMIUM = process.env.MAILVET_CHROMIUM ?? "/usr/bin/chromium";

/** Where the suites save screenshots for review (ignored by git). */
export const SCREENSHOT_DIR = join(import.meta.dirname, "screenshots");

/**
 * True when the browser suites must skip: Chromium is not installed. `npm run test:all`
 * (MAILVET_REQUIRE_PEERS=1) installs it and never skips.
 *
 * @example
 * describe.skipIf(skipWithoutChromium())("the check page", () => { ... });
 */
export function skipWithoutChromium(): boolean {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.MAILVET_REQUIRE_PEERS === "1") throw new Error(`Chromium is missing at ${CHROMIUM}; run infra/local/install-peers.sh`);
  return true;
}

/**
 * Launches Chromium headless with the flags that keep it off the network (no updates, sync,
 * QUIC or background fetches), so a suite only ever talks to the local stack.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Saves a full-page screenshot under test/browser/screenshots/<name>.png for review.
 *
 * @example
 * await screenshot(page, "check-deliverable");
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
