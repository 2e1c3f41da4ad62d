import { createServer } from "node:http";
import { describe, expect, inject, it, onTestFinished } from "vitest";
import type { Page } from "playwright-core";
import { skipWithoutMtaFarm } from "../../infra/local/mta/peer";
import { screenshot, skipWithoutChromium } from "./chromium";
import { contrastFailures, useWebApp } from "./web-helpers";

// Browser globals, for the callbacks that page.evaluate() runs in Chromium (the test projects
// type-check without the DOM library); nothing is emitted for them.
declare const document: any;
type HTMLInputElement = any;

/**
 * The sign-up form widget in Chromium against the real stack (the edge in workerd serving
 * web/dist/widget.js and the API, the prober, the DNS peer, the Postfix farm): first on the demo
 * page, a plain form with nothing but the script tag, then on customer pages made up here with
 * other settings. Slow and broken networks are made with page.route.
 */
const dnsPeer = inject("dnsPeerUrl");
const EDGE_PORT = 19287;
const SHOP_PORT = 19289;
/** How long a poll waits for the widget: generous, because machines are noisy; no test measures time. */
const SOON = { timeout: 20_000 };

describe.skipIf(dnsPeer === null || skipWithoutChromium() || skipWithoutMtaFarm())("the sign-up form widget", () => {
  const app = useWebApp(dnsPeer, EDGE_PORT);

  const newPage = (locale = "en-US") => app.newPage({ locale, width: 900 });

  /** The demo page with the sign-up form filled in, `email` last. */
  async function demoFilledIn(email: string, page?: Page): Promise<Page> {
    page ??= await newPage();
    await page.goto(`${app.base}/demo/`);
    await page.locator("#name").fill("Ada Lovelace");
    await page.locator("#password").fill("correct horse battery");
    await emailField(page).fill(email);
    return page;
  }

  const emailField = (page: Page) => page.locator("#email");
  const hint = (page: Page, index = 0) => page.locator("mailvet-hint").nth(index);
  /** What the widget says under a field ("" for nothing); its words are in the hint's shadow root. */
  const said = async (page: Page, index = 0) => {
    const message = hint(page, index).locator("[part=message]");
    return (await message.count()) > 0 ? ((await message.textContent()) ?? "") : "";
  };
  const welcome = (page: Page) => page.getByText("You're signed up!");
  const validationMessage = (page: Page) => emailField(page).evaluate((input: HTMLInputElement) => input.validationMessage as string);

  /**
   * The mail server's verdicts take a probe; asked once here, the edge keeps them (its result
   * cache), so the page's own check answers well inside the widget's 1.5 s budget.
   */
  async function warm(email: string): Promise<void> {
    const response = await fetch(`${app.base}/v1/verify?email=${encodeURIComponent(email)}`);
    expect(response.status).toBe(200);
  }

  it("suggests a fix for a typo, and picking it puts it in the field", async () => {
    const page = await demoFilledIn("someone@gmial.com");
    await emailField(page).blur();
    await expect.poll(() => said(page), SOON).toContain("Did you mean someone@gmail.com?");
    // gmial.com does not exist, which the default block list refuses, and the field says so.
    await expect(validationMessage(page)).resolves.toBe("The domain gmial.com does not exist. Did you mean someone@gmail.com?");
    await expect(emailField(page).getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "widget-typo");

    const checked = page.waitForResponse((response) => response.url().includes("someone%40gmail.com"));
    await hint(page).getByRole("button", { name: "someone@gmail.com" }).click();
    await expect(emailField(page).inputValue()).resolves.toBe("someone@gmail.com");
    await checked;
    // gmail.com's mail host does not answer here: unknown, which never refuses.
    await expect.poll(() => validationMessage(page), SOON).toBe("");
    await expect(emailField(page).getAttribute("aria-invalid")).resolves.toBeNull();
    await expect(emailField(page).evaluate((input: HTMLInputElement) => document.activeElement === input)).resolves.toBe(true);
  });

  it("refuses an address whose mailbox does not exist: the form is not sent, and says why", async () => {
    await warm("nobody@ok.mailvet-mta.net");
    const page = await demoFilledIn("nobody@ok.mailvet-mta.net");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => said(page), SOON).toBe("This mailbox does not exist.");
    await expect(validationMessage(page)).resolves.toBe("This mailbox does not exist.");
    await expect(welcome(page).isVisible()).resolves.toBe(false);
    // Screen readers get the message as the field's description (from inside the shadow root),
    // the field as invalid, and the message announced (a live region).
    const { nodes } = await (await page.context().newCDPSession(page)).send("Accessibility.getFullAXTree");
    const field = nodes.find((node) => node.role?.value === "textbox" && node.name?.value === "E-mail");
    expect(field?.description?.value).toBe("This mailbox does not exist.");
    expect(field?.properties?.find((property) => property.name === "invalid")?.value.value).toBe("true");
    await expect(hint(page).getAttribute("aria-live")).resolves.toBe("polite");
    expect(await contrastFailures(page)).toEqual([]);
    await screenshot(page, "widget-undeliverable");
  });

  it("refuses a disposable address", async () => {
    const page = await demoFilledIn("someone@mailinator.com");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => said(page), SOON).toBe("Please use a permanent address, not a disposable one.");
    await expect(welcome(page).isVisible()).resolves.toBe(false);
    await screenshot(page, "widget-disposable");
  });

  it("lets a deliverable address sign up", async () => {
    await warm("alice@ok.mailvet-mta.net");
    const page = await demoFilledIn("alice@ok.mailvet-mta.net");
    await emailField(page).press("Enter");
    await welcome(page).waitFor();
    await expect(said(page)).resolves.toBe("");
    await screenshot(page, "widget-signed-up");
  });

  it("a user who corrects a refused address can sign up with the new one", async () => {
    const page = await demoFilledIn("someone@mailinator.com");
    await emailField(page).blur();
    await expect.poll(() => validationMessage(page), SOON).not.toBe("");
    await warm("alice@ok.mailvet-mta.net");
    await emailField(page).fill("alice@ok.mailvet-mta.net");
    // Typing forgets the refusal at once; the new address is checked on submit.
    await expect(validationMessage(page)).resolves.toBe("");
    await page.getByRole("button", { name: "Sign up" }).click();
    await welcome(page).waitFor();
  });

  it.each([
    ["never answers (slow network)", "slow"],
    ["answers 500", "500"],
    ["answers 429", "429"],
    ["cannot be reached (offline)", "offline"],
  ])("lets the address through when the API %s", async (_, failure) => {
    const page = await newPage();
    if (failure !== "offline")
      await page.route(
        (url) => url.pathname === "/v1/verify",
        async (route) => {
          // "slow": the request stays unanswered until the page closes.
          if (failure !== "slow")
            await route.fulfill({ status: Number(failure), contentType: "application/json", body: '{"error":{"code":"x","message":"x"}}' });
        },
      );
    // An address the widget refuses whenever it gets an answer.
    await demoFilledIn("someone@mailinator.com", page);
    if (failure === "offline") await page.context().setOffline(true);
    await page.getByRole("button", { name: "Sign up" }).click();
    await welcome(page).waitFor();
    await expect(said(page)).resolves.toBe("");
    await screenshot(page, `widget-lets-through-${failure}`);
  });

  it("speaks Chinese on a page in Chinese", async () => {
    const page = await newPage("zh-CN");
    await demoFilledIn("someone@mailinator.com", page);
    await page.getByRole("button", { name: "中文" }).click();
    await emailField(page).blur();
    await expect.poll(() => said(page), SOON).toBe("请使用长期邮箱，不要使用一次性邮箱。");
    await screenshot(page, "widget-zh");
  });

  /** A customer's page, made up here: a form, a marker its own submit handler shows, the widget's tag. */
  const shopPage = (
    scriptTag: string,
    form = "",
    input = "",
  ) => `<!doctype html><html lang="en"><head><title>Shop</title><link rel="icon" href="data:,"></head><body>
    <form id="form" action="/thanks" ${form}><label>Email <input type="email" name="email" ${input}></label><button>Join</button></form>
    <p id="sent" hidden>sent</p>
    <script>document.getElementById("form").addEventListener("submit", (e) => { e.preventDefault(); document.getElementById("sent").hidden = false; });</script>
    ${scriptTag}</body></html>`;

  /** The customer's page on the edge's own origin, through page.route; the widget comes from the real edge. */
  async function customerPage(scriptTag: string, form = "", input = ""): Promise<Page> {
    const page = await newPage();
    await page.route(`${app.base}/shop`, (route) => route.fulfill({ contentType: "text/html", body: shopPage(scriptTag, form, input) }));
    await page.goto(`${app.base}/shop`);
    return page;
  }

  async function submitEmail(page: Page, email: string): Promise<"sent" | string> {
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Join" }).click();
    await expect.poll(async () => (await page.locator("#sent").isVisible()) || (await said(page)) !== "", SOON).toBe(true);
    return (await page.locator("#sent").isVisible()) ? "sent" : said(page);
  }

  it("data-block chooses what refuses: risky on, disposable off", async () => {
    await warm("full@ok.mailvet-mta.net");
    const page = await customerPage(`<script src="/widget.js" data-block="undeliverable risky" data-budget="20000"></script>`);
    await expect(submitEmail(page, "full@ok.mailvet-mta.net")).resolves.toBe("This mailbox is full and cannot receive e-mail.");
    const other = await customerPage(`<script src="/widget.js" data-block="undeliverable" data-budget="20000"></script>`);
    await expect(submitEmail(other, "someone@mailinator.com")).resolves.toBe("sent");
  });

  it("data-block takes flags: a free address refused on a page for work addresses", async () => {
    const page = await customerPage(`<script src="/widget.js" data-block="undeliverable disposable free" data-budget="20000"></script>`);
    await expect(submitEmail(page, "someone@gmail.com")).resolves.toBe("Please use your work address.");
  });

  it("data-smtp=off asks without the mail server, so a missing mailbox goes through", async () => {
    const page = await customerPage(`<script src="/widget.js" data-smtp="off" data-budget="20000"></script>`);
    const asked = page.waitForRequest((request) => request.url().includes("/v1/verify?"));
    await expect(submitEmail(page, "nobody@ok.mailvet-mta.net")).resolves.toBe("sent");
    expect(new URL((await asked).url()).searchParams.get("smtp")).toBe("false");
  });

  it("refuses on a form with novalidate too, where the browser would not", async () => {
    const page = await customerPage(`<script src="/widget.js" data-budget="20000"></script>`, "novalidate");
    await expect(submitEmail(page, "someone@mailinator.com")).resolves.toBe("Please use a permanent address, not a disposable one.");
    // A second try, with the answer already there, is refused at once.
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.locator("#sent").isVisible()).resolves.toBe(false);
  });

  it("leaves alone a field marked data-mailvet=off", async () => {
    const page = await customerPage(`<script src="/widget.js" data-budget="20000"></script>`, "", 'data-mailvet="off"');
    await expect(submitEmail(page, "someone@mailinator.com")).resolves.toBe("sent");
    await expect(page.locator("mailvet-hint").count()).resolves.toBe(0);
  });

  it("data-lang sets the language whatever the page's", async () => {
    const page = await customerPage(`<script src="/widget.js" data-lang="zh" data-budget="20000"></script>`);
    await expect(submitEmail(page, "someone@mailinator.com")).resolves.toBe("请使用长期邮箱，不要使用一次性邮箱。");
  });

  it("on another site, asks the API at the script's own origin (CORS), and takes fields added later", async () => {
    // A real server of the customer's own, on another port: Chromium lets a page on loopback
    // (and only such a page) load from the edge on loopback.
    const shop = createServer((_, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end(shopPage(`<script src="${app.base}/widget.js" data-budget="20000"></script>`)),
    );
    await new Promise<void>((resolve) => shop.listen(SHOP_PORT, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => shop.close(() => resolve())));
    const page = await newPage();
    await page.goto(`http://127.0.0.1:${SHOP_PORT}/`);
    await expect(submitEmail(page, "someone@mailinator.com")).resolves.toBe("Please use a permanent address, not a disposable one.");
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.type = "email";
      input.setAttribute("aria-label", "Later");
      document.body.append(input);
    });
    await page.getByLabel("Later").fill("someone@gmial.com");
    await page.getByLabel("Later").blur();
    await expect.poll(() => said(page, 1), SOON).toContain("Did you mean someone@gmail.com?");
    await screenshot(page, "widget-other-origin");
  });
});
