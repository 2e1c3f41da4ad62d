import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RBL_LISTED_CLIENT } from "../../infra/local/mta/listed-clients";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { launchChromium, screenshot, skipWithoutChromium } from "./chromium";

/**
 * The probers page in Chromium against the real stack: a prober the farm's mx-rbl lists (its
 * block replies at three domains degrade it) and a second entry nothing answers for (its
 * reports are kept as "no answer", and it stays healthy). The page needs an admin key.
 */
const dnsPeer = inject("dnsPeerUrl");
const [EDGE_PORT, PROBER_PORT, SILENT_PORT] = [19987, 19988, 19989];
const ADMIN_KEY = "probers-page-admin-key-0123456789";

describe.skipIf(dnsPeer === null || skipWithoutChromium() || skipWithoutMtaFarm())("the probers page", () => {
  let farm: MtaFarm;
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: String(EDGE_PORT),
        MAILVET_PROBER_PORT: String(PROBER_PORT),
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_PROBER_SOURCE_IP: RBL_LISTED_CLIENT,
        MAILVET_PROBERS: JSON.stringify([
          { id: "listed", region: "na", url: `http://127.0.0.1:${PROBER_PORT}` },
          { id: "silent", region: "eu", url: `http://127.0.0.1:${SILENT_PORT}` },
        ]),
        MAILVET_API_KEYS: JSON.stringify([{ id: "ops", key: ADMIN_KEY, scopes: ["admin"] }]),
      },
      { freshState: true, testScheduled: true },
    );
    browser = await launchChromium();
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    for (const domain of ["rbl-a", "rbl-b", "rbl-c"]) {
      const result = (await (await fetch(`${stack.edgeUrl}/v1/verify?email=alice@${domain}.mailvet-mta.net`, { headers })).json()) as { reason: string };
      expect(result.reason).toBe("blocked");
    }
    // One Cron run: a report (here "no answer": these probers have no doctor yet) for each.
    await fetch(`${stack.edgeUrl}/__scheduled?cron=${encodeURIComponent("7 * * * *")}`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await farm?.stop();
  });

  it("asks for an admin key, then shows each prober's health and why, in English and in Chinese", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.edgeUrl}/probers/`);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Save key and retry" }).click();

    const listed = page.locator('tr[data-prober="listed"]');
    await expect.poll(() => listed.getAttribute("data-health"), { timeout: 30_000 }).toBe("degraded");
    expect(await listed.textContent()).toContain("Servers at several domains sent it block replies");
    // The Cron's report may land after the page loaded: refresh until it shows.
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Refresh" }).click();
          return page.locator('tr[data-prober="silent"]').textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toContain("no answer");
    expect(await page.locator('tr[data-prober="silent"]').getAttribute("data-health")).toBe("healthy");
    await screenshot(page, "probers-en");

    await page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => listed.textContent()).toContain("已降级");
    expect(await listed.textContent()).toContain("多个域名的服务器向它发送了拦截回复");
    await screenshot(page, "probers-zh");
    await context.close();
  });
});
