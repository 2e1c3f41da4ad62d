import { describe, expect, inject, it } from "vitest";
import { skipWithoutMtaFarm } from "../../infra/local/mta/peer";
import { screenshot, skipWithoutChromium } from "./chromium";
import { contrastFailures, useWebApp } from "./web-helpers";

/**
 * The reputation page in Chromium against the real stack: the edge in workerd serving web/dist
 * and GET /v1/reputation, asking the local DNS peer's block lists and sending domains.
 */
const dnsPeer = inject("dnsPeerUrl");
const EDGE_PORT = 19897;

describe.skipIf(dnsPeer === null || skipWithoutChromium() || skipWithoutMtaFarm())("the reputation page", () => {
  const app = useWebApp(dnsPeer, EDGE_PORT);

  it("reviews a broken sender and shows each failing finding with its fix", async () => {
    const page = await app.newPage();
    await page.goto(`${app.base}/reputation/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Review a sender's reputation");
    await page.getByLabel("Sending domain").fill("toomany.mailvet-rep.net");
    await page.getByLabel("Sending IP addresses").fill("192.0.2.11, 192.0.2.13");
    await page.getByRole("button", { name: "Review" }).click();
    const review = page.getByTestId("review");
    await review.waitFor();
    await expect(review.getAttribute("data-status")).resolves.toBe("fail");
    const finding = (id: string) => page.locator(`[data-testid=finding][data-id="${id}"]`);
    await expect(finding("blocklists:192.0.2.11").getAttribute("data-status")).resolves.toBe("fail");
    await expect(finding("blocklists:192.0.2.11").textContent()).resolves.toMatch(/Fail.*listed on Spamhaus ZEN \(SBL.*Fix: Find and stop/);
    // Spamhaus's "public resolver" answer is not a listing.
    await expect(finding("blocklists:192.0.2.13").textContent()).resolves.toMatch(/^\?Could not check.*could not be asked/);
    await expect(finding("spf-record").textContent()).resolves.toMatch(/more than 10 DNS lookups.*Fix: Flatten/);
    await expect(finding("mx").textContent()).resolves.toMatch(/^✓Pass/);
    await screenshot(page, "reputation-fail-en-desktop");
    expect(await contrastFailures(page)).toEqual([]);
  });

  it("speaks Chinese, and says what is wrong with a bad IP", async () => {
    const page = await app.newPage({ locale: "zh-CN" });
    await page.goto(`${app.base}/reputation/`);
    await page.locator("[data-lang=zh]").click();
    await expect(page.locator("h1").textContent()).resolves.toBe("检查发件人信誉");
    await page.getByLabel("发信 IP 地址").fill("192.0.2.300");
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByTestId("error").textContent()).resolves.toMatch(/192\.0\.2\.300.*not an IP address/);
    await page.getByLabel("发信 IP 地址").fill("");
    await page.getByLabel("发信域名").fill("good.mailvet-rep.net");
    await page.getByRole("button", { name: "检查" }).click();
    await expect(page.getByTestId("review").getAttribute("data-status")).resolves.toBe("pass");
    await expect(page.locator("[data-testid=finding][data-id=dmarc]").textContent()).resolves.toMatch(/^✓通过/);
    await screenshot(page, "reputation-pass-zh-desktop");
  });
});
