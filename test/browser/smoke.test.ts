import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { launchChromium, screenshot, skipWithoutChromium } from "./chromium";

const dnsPeer = inject("dnsPeerUrl");

describe.skipIf(dnsPeer === null || skipWithoutChromium())("the web app in Chromium", () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack(
      { PATH: process.env.PATH, HOME: process.env.HOME, MAILVET_EDGE_PORT: "19087", MAILVET_PROBER_PORT: "19088", MAILVET_DOH_URL: dnsPeer! },
      { freshState: true },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("the edge serves the app's page", async () => {
    const page = await browser.newPage();
    await page.goto(stack.edgeUrl);
    await expect(page.locator("h1").textContent()).resolves.toBe("Mailvet");
    await screenshot(page, "smoke");
  });
});
