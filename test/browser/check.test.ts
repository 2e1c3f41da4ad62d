import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { skipWithoutMtaFarm } from "../../infra/local/mta/peer";
import { screenshot, skipWithoutChromium } from "./chromium";
import { contrastFailures, horizontalOverflow, useWebApp } from "./web-helpers";

// Browser globals, for the callbacks that page.evaluate() runs in Chromium. The test projects
// type-check without the DOM library (it clashes with the Workers types), so they are declared
// here, for this module only; nothing is emitted for them.
declare const document: any;
declare const getComputedStyle: (element: any) => any;
type HTMLElement = any;

/**
 * The single-address check page in Chromium against the real stack: the edge in workerd serving
 * web/dist and the API, the prober, the local DNS peer and the Postfix farm.
 */
const dnsPeer = inject("dnsPeerUrl");
const EDGE_PORT = 19187;

describe.skipIf(dnsPeer === null || skipWithoutChromium() || skipWithoutMtaFarm())("the check page", () => {
  const app = useWebApp(dnsPeer, EDGE_PORT);

  const newPage = app.newPage;

  async function check(page: Page, email: string): Promise<void> {
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("E-mail address").press("Enter");
    await page.locator(`[data-testid=result]`).filter({ hasText: email }).waitFor();
  }

  const isVerify = (url: URL) => url.pathname === "/v1/verify";
  const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);

  it("checks a deliverable address and shows the verdict, the reason in plain words, the score and every check", async () => {
    const page = await newPage();
    await page.goto(app.base);
    await expect(page.locator("h1").textContent()).resolves.toBe("Check an e-mail address");
    await check(page, "alice@ok.mailvet-mta.net");

    const result = page.getByTestId("result");
    await expect(result.getAttribute("data-verdict")).resolves.toBe("deliverable");
    // Colour and words: the badge says the verdict in text, with a symbol.
    await expect(result.locator(".verdict").textContent()).resolves.toBe("✓Deliverable");
    await expect(page.getByTestId("reason-name").textContent()).resolves.toBe("Mailbox accepted");
    await expect(page.getByTestId("reason-text").textContent()).resolves.toBe("The mail server confirmed that this mailbox exists and accepts mail.");
    await expect(page.getByTestId("score").textContent()).resolves.toContain("95 / 100");
    await expect(page.getByTestId("suggestion").count()).resolves.toBe(0);

    await expect(field(page, "input").textContent()).resolves.toBe("alice@ok.mailvet-mta.net");
    await expect(field(page, "syntax").textContent()).resolves.toBe("Valid");
    await expect(field(page, "normalized").textContent()).resolves.toBe("alice@ok.mailvet-mta.net");
    await expect(field(page, "domain").textContent()).resolves.toBe("ok.mailvet-mta.net");
    await expect(field(page, "mx").textContent()).resolves.toBe("mx1.mailvet-mta.net (preference 10)");
    for (const flag of ["disposable", "role", "free", "catch_all", "gibberish"]) await expect(field(page, `flag-${flag}`).textContent()).resolves.toBe("No");
    await expect(field(page, "smtp-host").textContent()).resolves.toBe("mx1.mailvet-mta.net");
    await expect(field(page, "smtp-code").textContent()).resolves.toBe("250");
    await expect(field(page, "smtp-enhanced").textContent()).resolves.toBe("2.1.5");
    await expect(field(page, "smtp-message").textContent()).resolves.toBe("Ok");
    await expect(field(page, "smtp-prober").textContent()).resolves.toBe("local");
    await expect(field(page, "smtp-duration").textContent()).resolves.toMatch(/^\d+ ms$/);
    await expect(field(page, "duration").textContent()).resolves.toMatch(/^\d+ ms$/);
    // Announced to screen readers, and the URL can be shared.
    await expect(page.getByTestId("announcer").textContent()).resolves.toMatch(/^alice@ok\.mailvet-mta\.net: Deliverable\. The mail server confirmed/);
    expect(new URL(page.url()).searchParams.get("email")).toBe("alice@ok.mailvet-mta.net");
    await screenshot(page, "check-deliverable-en-desktop");

    expect(await contrastFailures(page)).toEqual([]);
  });

  it("opens a deep link (/?email=…) straight to its result, and the back button to the check before", async () => {
    const page = await newPage();
    await page.goto(`${app.base}/?email=${encodeURIComponent("bob@ok.mailvet-mta.net")}`);
    await page.getByTestId("result").filter({ hasText: "bob@ok.mailvet-mta.net" }).waitFor();
    await expect(page.getByLabel("E-mail address").inputValue()).resolves.toBe("bob@ok.mailvet-mta.net");
    await expect(page.getByTestId("result").getAttribute("data-verdict")).resolves.toBe("deliverable");

    await check(page, "nobody@ok.mailvet-mta.net");
    await page.goBack();
    await page.getByTestId("result").filter({ hasText: "bob@ok.mailvet-mta.net" }).waitFor();
    await expect(page.getByLabel("E-mail address").inputValue()).resolves.toBe("bob@ok.mailvet-mta.net");
  });

  it("checks an undeliverable address and shows the server's own refusal", async () => {
    const page = await newPage({ colorScheme: "dark" });
    await page.goto(app.base);
    await check(page, "nobody@ok.mailvet-mta.net");
    const result = page.getByTestId("result");
    await expect(result.getAttribute("data-verdict")).resolves.toBe("undeliverable");
    await expect(result.locator(".verdict").textContent()).resolves.toBe("✕Undeliverable");
    await expect(page.getByTestId("reason-name").textContent()).resolves.toBe("Mailbox not found");
    await expect(page.getByTestId("reason-text").textContent()).resolves.toBe("The mail server says that this mailbox does not exist.");
    await expect(page.getByTestId("score").textContent()).resolves.toContain("0 / 100");
    await expect(field(page, "smtp-code").textContent()).resolves.toBe("550");
    await expect(field(page, "smtp-enhanced").textContent()).resolves.toBe("5.1.1");
    await expect(field(page, "smtp-message").textContent()).resolves.toContain("User unknown");
    await expect(field(page, "smtp-rule").textContent()).resolves.toBe("mailbox-not-found");
    // "nobody" is a role account, and the flag says what that means.
    await expect(field(page, "flag-role").textContent()).resolves.toContain("Yes");
    await screenshot(page, "check-undeliverable-en-dark");
    expect(await contrastFailures(page)).toEqual([]);
  });

  it("skips the SMTP check when asked, and says so", async () => {
    const page = await newPage();
    await page.goto(app.base);
    await page.getByLabel("Skip the mail-server (SMTP) check").check();
    await check(page, "alice@ok.mailvet-mta.net");
    await expect(page.getByTestId("result").getAttribute("data-reason")).resolves.toBe("smtp_skipped");
    await expect(page.getByTestId("reason-name").textContent()).resolves.toBe("Mail server not asked");
    await expect(field(page, "smtp-not-performed").textContent()).resolves.toBe("The mail server was not asked.");
    expect(new URL(page.url()).searchParams.get("smtp")).toBe("false");
  });

  it("offers a typo's correction, and checks it when chosen", async () => {
    const page = await newPage();
    await page.goto(app.base);
    await check(page, "bob@gmial.com");
    const suggestion = page.getByRole("button", { name: "bob@gmail.com" });
    await expect(page.getByTestId("suggestion").textContent()).resolves.toBe("Did you mean bob@gmail.com?Select the address to check it instead.");
    await expect(page.getByTestId("score").textContent()).resolves.toMatch(/\d+ \/ 100/);
    await screenshot(page, "check-suggestion-en-desktop");
    await suggestion.click();
    await page.getByTestId("result").filter({ hasText: "Result for bob@gmail.com" }).waitFor();
    await expect(page.getByLabel("E-mail address").inputValue()).resolves.toBe("bob@gmail.com");
    expect(new URL(page.url()).searchParams.get("email")).toBe("bob@gmail.com");
  });

  it("shows the API's 400 message, a network failure, and an empty field plainly", async () => {
    const page = await newPage();
    await page.goto(app.base);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.locator("#email-error").textContent()).resolves.toBe("Type an address to check.");
    await expect(page.getByLabel("E-mail address").getAttribute("aria-invalid")).resolves.toBe("true");

    await check(page, "alice@ok.mailvet-mta.net");
    await page.getByLabel("E-mail address").fill(`${"a".repeat(1001)}@ok.mailvet-mta.net`);
    await page.getByLabel("E-mail address").press("Enter");
    await page.getByTestId("error").waitFor();
    await expect(page.getByTestId("error").textContent()).resolves.toBe("The request was refused: email: email must be at most 1000 characters");
    await expect(page.getByTestId("result").count()).resolves.toBe(0);

    await page.route(isVerify, (route) => route.abort("connectionrefused"));
    await page.getByLabel("E-mail address").fill("alice@ok.mailvet-mta.net");
    await page.getByLabel("E-mail address").press("Enter");
    await page.getByTestId("error").filter({ hasText: "Could not reach" }).waitFor();
    await expect(page.getByTestId("error").textContent()).resolves.toBe("Could not reach the Mailvet service. Check your connection and try again.");
    await screenshot(page, "check-network-error-en-desktop");
  });

  it("asks for an API key after a 401, keeps it, and sends it as a bearer token", async () => {
    const page = await newPage();
    const seen: (string | undefined)[] = [];
    // The suite's edge is open (no MAILVET_API_KEYS): the 401 is the route's, the retry the edge's.
    await page.route(isVerify, async (route) => {
      const authorization = route.request().headers().authorization;
      seen.push(authorization);
      if (authorization !== "Bearer key-123") {
        await route.fulfill({
          status: 401,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "unauthorized", message: "a valid API key is required" } }),
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(app.base);
    await page.getByLabel("E-mail address").fill("alice@ok.mailvet-mta.net");
    await page.getByLabel("E-mail address").press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "needs an API key" }).textContent()).resolves.toBe("This Mailvet server needs an API key.");
    await page.getByLabel("API key").fill("key-123");
    await screenshot(page, "check-api-key-en-desktop");
    await page.getByRole("button", { name: "Save key and retry" }).click();
    await page.getByTestId("result").waitFor();
    expect(seen).toEqual([undefined, "Bearer key-123"]);
    await expect(page.evaluate(() => localStorage.getItem("mailvet.apiKey"))).resolves.toBe("key-123");
    await page.getByRole("button", { name: "Forget the key" }).click();
    await expect(page.evaluate(() => localStorage.getItem("mailvet.apiKey"))).resolves.toBeNull();
  });

  it("works with the keyboard alone: skip link, field, Enter, the checkbox, the suggestion", async () => {
    const page = await newPage();
    await page.goto(app.base);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          id: element.id,
          text: element.textContent?.trim() ?? "",
          tag: element.tagName,
          className: element.className,
          outline: style.outlineStyle,
          outlineWidth: style.outlineWidth,
          top: element.getBoundingClientRect().top,
        };
      });

    await page.keyboard.press("Tab");
    const skip = await focused();
    expect(skip).toMatchObject({ text: "Skip to main content", outline: "solid" });
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await expect(focused()).resolves.toMatchObject({ id: "main" });

    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatchObject({ id: "email", outline: "solid", outlineWidth: "3px" });
    await page.keyboard.type("carol@gmial.com");
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatchObject({ text: "Check", outline: "solid" });
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatchObject({ id: "skip-smtp", outline: "solid" });
    await page.keyboard.press("Space");
    await expect(page.getByLabel("Skip the mail-server (SMTP) check").isChecked()).resolves.toBe(true);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByTestId("result").filter({ hasText: "carol@gmial.com" }).waitFor();

    // On to the suggestion, and Enter checks it.
    for (let i = 0; i < 5 && !(await focused()).className.includes("suggestion-button"); i++) await page.keyboard.press("Tab");
    await expect(focused()).resolves.toMatchObject({ text: "carol@gmail.com", outline: "solid" });
    await screenshot(page, "check-keyboard-focus-en-desktop");
    await page.keyboard.press("Enter");
    await page.getByTestId("result").filter({ hasText: "Result for carol@gmail.com" }).waitFor();
    await expect(focused()).resolves.toMatchObject({ id: "email" });
  });

  it("switches to 中文 and back, remembers the choice, and starts in 中文 for a Chinese browser", async () => {
    const page = await newPage();
    await page.goto(`${app.base}/?email=${encodeURIComponent("alice@ok.mailvet-mta.net")}`);
    await page.getByTestId("result").waitFor();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(page.locator("h1").textContent()).resolves.toBe("验证邮箱地址");
    await expect(page.getByLabel("邮箱地址").inputValue()).resolves.toBe("alice@ok.mailvet-mta.net");
    await expect(page.getByTestId("result").locator(".verdict").textContent()).resolves.toBe("✓可送达");
    await expect(page.getByTestId("reason-text").textContent()).resolves.toBe("邮件服务器确认此邮箱存在并接收邮件。");
    await expect(page.getByRole("navigation").textContent()).resolves.toBe("验证批量API 文档演示信誉");
    await expect(page.title()).resolves.toBe("验证邮箱地址 · Mailvet");
    await expect(page.getByRole("button", { name: "中文" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await screenshot(page, "check-deliverable-zh-desktop");

    await page.reload();
    await page.getByTestId("result").waitFor();
    await expect(page.locator("h1").textContent()).resolves.toBe("验证邮箱地址");
    await page.getByRole("button", { name: "EN" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Check an e-mail address");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    const chinese = await newPage({ locale: "zh-TW" });
    await chinese.goto(app.base);
    await expect(chinese.locator("h1").textContent()).resolves.toBe("验证邮箱地址");
  });

  it("fits a 375 px phone, in English and 中文", async () => {
    for (const locale of ["en-US", "zh-CN"]) {
      const page = await newPage({ locale, width: 375 });
      await page.goto(`${app.base}/?email=${encodeURIComponent("nobody@ok.mailvet-mta.net")}`);
      await page.getByTestId("result").waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await contrastFailures(page)).toEqual([]);
      await screenshot(page, `check-undeliverable-${locale.slice(0, 2)}-mobile`);
    }
    const page = await newPage({ locale: "zh-CN", width: 375 });
    await page.goto(`${app.base}/?email=${encodeURIComponent("bob@gmial.com")}`);
    await page.getByTestId("suggestion").waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "check-suggestion-zh-mobile");
  });
});
