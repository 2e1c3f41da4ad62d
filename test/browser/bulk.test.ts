import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { writeXlsx } from "../../shared/bulk";
import { neutralizeFormula } from "../../shared/bulk/write-results";
import { skipWithoutMtaFarm } from "../../infra/local/mta/peer";
import { screenshot, skipWithoutChromium } from "./chromium";
import { contrastFailures, horizontalOverflow, type PageOptions, useWebApp } from "./web-helpers";

// Browser globals, for the callbacks that page.evaluate() runs in Chromium. The test projects
// type-check without the DOM library (it clashes with the Workers types), so they are declared
// here, for this module only; nothing is emitted for them.
declare const document: any;
declare const window: any;
declare const getComputedStyle: (element: any) => any;
declare const MutationObserver: any;
declare const DataTransfer: any;

/**
 * The bulk page in Chromium against the real stack (the edge in workerd with its queue, Durable
 * Objects and R2, the prober, the DNS peer and the Postfix farm): upload, progress, the verdict
 * breakdown, the downloads, the recent lists, and the errors.
 */
const dnsPeer = inject("dnsPeerUrl");
const EDGE_PORT = 19189;

/** A mix: deliverable, undeliverable, invalid, a duplicate, risky; in an order to keep. */
const MIXED_ROWS = [
  ["Ann", "alice@ok.mailvet-mta.net"],
  ["Ben", "nobody@ok.mailvet-mta.net"],
  ["Cy", "not an address"],
  ["Dee", "alice@ok.mailvet-mta.net"],
  ["Eve", "full@ok.mailvet-mta.net"],
  ["Fay", "bob@ok.mailvet-mta.net"],
  ["Gus", "@@broken"],
] as const;
const MIXED_VERDICTS = ["deliverable", "undeliverable", "undeliverable", "deliverable", "risky", "deliverable", "undeliverable"];
const MIXED_CSV = `name,email\r\n${MIXED_ROWS.map((row) => row.join(",")).join("\r\n")}\r\n`;

async function xlsxBytes(rows: string[][]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of writeXlsx(
    "Sheet1",
    (async function* () {
      yield* rows;
    })(),
  ))
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

function parseCsv(text: string): string[][] {
  // The results start with a BOM for Excel.
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe.skipIf(dnsPeer === null || skipWithoutChromium() || skipWithoutMtaFarm())("the bulk page", () => {
  const app = useWebApp(dnsPeer, EDGE_PORT);

  const newPage = async (options: PageOptions & { context?: BrowserContext } = {}) => (options.context ?? (await app.newContext(options))).newPage();

  async function upload(page: Page, name: string, content: string | Buffer, mimeType = "text/csv"): Promise<void> {
    await page.locator("#file").setInputFiles({ name, mimeType, buffer: typeof content === "string" ? Buffer.from(content) : content });
  }

  async function waitDone(page: Page): Promise<void> {
    await page.getByTestId("breakdown").waitFor({ timeout: 60_000 });
  }

  async function counts(page: Page): Promise<Record<string, number>> {
    const rows = await page
      .getByTestId("breakdown-table")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-verdict")!, Number(tr.querySelector("[data-count]")!.getAttribute("data-count"))] as const));
    return Object.fromEntries(rows);
  }

  async function download(page: Page, name: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
    const path = await file.path();
    expect(file.suggestedFilename()).toMatch(/-(deliverable|all)\.(csv|xlsx)$/);
    return readFile(path);
  }

  it("uploads a CSV, shows progress to the end, the verdict chart, and downloads both selections", async () => {
    const page = await newPage();
    // Every progressbar state the page shows, however briefly.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("[role=progressbar]");
        if (!bar) return;
        const state = `${bar.getAttribute("aria-valuenow")}/${bar.getAttribute("aria-valuemax")}`;
        if (seen.at(-1) !== state) seen.push(state);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    // The real status, a little late, so the running job stays in view for its screenshot.
    let delayed = 0;
    await page.route(
      (url) => /^\/v1\/jobs\/[^/]+$/.test(url.pathname),
      async (route) => {
        if (delayed++ < 2) await new Promise((resolve) => setTimeout(resolve, 700));
        await route.continue();
      },
    );
    await page.goto(`${app.base}/bulk/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Check a list");
    await expect(page.getByTestId("recent").textContent()).resolves.toContain("Lists you upload in this browser appear here.");

    await upload(page, "contacts.csv", MIXED_CSV);
    const progress = page.getByRole("progressbar", { name: "Progress" });
    await progress.waitFor();
    await expect(progress.getAttribute("aria-valuemax")).resolves.toBe(String(MIXED_ROWS.length));
    await expect(progress.getAttribute("aria-valuemin")).resolves.toBe("0");
    await expect(progress.getAttribute("aria-valuetext")).resolves.toMatch(/^\d of 7 rows checked$/);
    await expect(page.getByTestId("job-total").textContent()).resolves.toBe("7 rows");
    await expect(page.getByTestId("announcer").textContent()).resolves.toBe("Checking contacts.csv: 7 rows.");
    // The first answer of the service (the job may be done by then: the screenshot shows either).
    await page.waitForFunction(
      () => !document.querySelector("[role=progressbar]") || /rows checked/.test(document.querySelector("#progress-text")?.textContent ?? ""),
    );
    await screenshot(page, "bulk-progress-en-desktop");

    await waitDone(page);
    await expect(page.getByTestId("job").getAttribute("data-status")).resolves.toBe("done");
    await expect(page.getByTestId("announcer").textContent()).resolves.toBe("contacts.csv is done.");
    const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progressSeen[0]).toBe("0/7");
    for (const state of progressSeen) expect(state).toMatch(/^[0-7]\/7$/);

    expect(await counts(page)).toEqual({ deliverable: 3, undeliverable: 3, risky: 1, unknown: 0 });
    await expect(page.getByTestId("chart").getAttribute("aria-label")).resolves.toBe(
      "Verdict breakdown: Deliverable 3 (42.9%), Undeliverable 3 (42.9%), Risky 1 (14.3%), Unknown 0 (0%)",
    );
    await expect(page.getByTestId("chart").locator(".donut-segment").count()).resolves.toBe(3);
    await screenshot(page, "bulk-done-en-desktop");
    expect(await contrastFailures(page)).toEqual([]);

    // Everything: every input row, in input order, with its columns and the verdict columns.
    const all = parseCsv((await download(page, "CSV — Everything")).toString("utf8"));
    expect(all[0]).toEqual(["name", "email", "verdict", "reason", "disposable", "role", "free", "catch_all", "gibberish", "suggestion"]);
    // "@@broken" starts like a formula: the CSV neutralizes it with a leading quote.
    expect(all.slice(1).map((row) => row.slice(0, 2))).toEqual(MIXED_ROWS.map((row) => row.map(neutralizeFormula)));
    expect(all.slice(1).map((row) => row[2])).toEqual(MIXED_VERDICTS);
    expect(all[2]?.[3]).toBe("mailbox_not_found");
    expect(all[3]?.[3]).toBe("invalid_syntax");
    expect(all[5]?.[3]).toBe("mailbox_full");

    // Only deliverable: those rows, in input order, duplicate included.
    const deliverable = parseCsv((await download(page, "CSV — Only deliverable")).toString("utf8"));
    expect(deliverable[0]).toEqual(all[0]);
    expect(deliverable.slice(1).map((row) => [row[0], row[2]])).toEqual([
      ["Ann", "deliverable"],
      ["Dee", "deliverable"],
      ["Fay", "deliverable"],
    ]);

    const [sheet] = await readXlsxFile(await download(page, "XLSX — Everything"));
    expect(sheet?.data.length).toBe(MIXED_ROWS.length + 1);
    expect(sheet?.data.slice(1).map((row) => [row[0], row[2]])).toEqual(MIXED_ROWS.map((row, i) => [row[0], MIXED_VERDICTS[i]]));
    const [onlyDeliverable] = await readXlsxFile(await download(page, "XLSX — Only deliverable"));
    expect(onlyDeliverable?.data.slice(1).map((row) => row[0])).toEqual(["Ann", "Dee", "Fay"]);

    // The job is in the recent list, and in the URL.
    expect(new URL(page.url()).searchParams.get("job")).toMatch(/^[0-9a-f-]{36}$/);
    const recent = page.getByTestId("recent").locator("li");
    await expect(recent.count()).resolves.toBe(1);
    await expect(recent.first().textContent()).resolves.toMatch(/contacts\.csv.*Rows7.*StatusDone/);
  });

  it("uploads an XLSX list dropped on the zone, and reopens older lists from the recent list", async () => {
    const page = await newPage();
    await page.goto(`${app.base}/bulk/`);
    await upload(page, "first.csv", "email\nalice@ok.mailvet-mta.net\n");
    await waitDone(page);
    const firstId = await page.getByTestId("job").getAttribute("data-job-id");

    const xlsx = await xlsxBytes([
      ["Name", "邮箱"],
      ["Ann", "alice@ok.mailvet-mta.net"],
      ["Ben", "disabled@ok.mailvet-mta.net"],
      ["Cy", "anyone@catchall.mailvet-mta.net"],
    ]);
    // A real drop: a DataTransfer holding the file, dispatched on the zone.
    const dataTransfer = await page.evaluateHandle(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], "people.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        return transfer;
      },
      [...xlsx],
    );
    await page.dispatchEvent("[data-testid=dropzone]", "dragenter", { dataTransfer });
    await expect(page.getByTestId("dropzone").textContent()).resolves.toContain("Release to upload");
    await page.dispatchEvent("[data-testid=dropzone]", "drop", { dataTransfer });
    await page.getByRole("heading", { name: "List: people.xlsx" }).waitFor();
    await waitDone(page);
    expect(await counts(page)).toEqual({ deliverable: 1, undeliverable: 1, risky: 1, unknown: 0 });
    const [sheet] = await readXlsxFile(await download(page, "XLSX — Everything"));
    expect(sheet?.data.map((row) => row.slice(0, 4))).toEqual([
      ["Name", "邮箱", "verdict", "reason"],
      ["Ann", "alice@ok.mailvet-mta.net", "deliverable", "accepted"],
      ["Ben", "disabled@ok.mailvet-mta.net", "undeliverable", "mailbox_disabled"],
      ["Cy", "anyone@catchall.mailvet-mta.net", "risky", "catch_all"],
    ]);

    // Newest first; reopen the first list, and see it is done with its own numbers.
    const names = () => page.getByTestId("recent").locator(".recent-open").allTextContents();
    await expect(names()).resolves.toEqual(["people.xlsx", "first.csv"]);
    await page.getByRole("button", { name: "Open first.csv" }).click();
    await page.getByRole("heading", { name: "List: first.csv" }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("job-heading");
    await waitDone(page);
    expect(await counts(page)).toEqual({ deliverable: 1, undeliverable: 0, risky: 0, unknown: 0 });
    expect(new URL(page.url()).searchParams.get("job")).toBe(firstId);

    // The list survives a reload; removing an entry takes it off for good.
    await page.reload();
    await expect(names()).resolves.toEqual(["people.xlsx", "first.csv"]);
    await page.getByRole("button", { name: "Remove people.xlsx from this list" }).click();
    await expect(names()).resolves.toEqual(["first.csv"]);
    await page.reload();
    await expect(names()).resolves.toEqual(["first.csv"]);
  });

  it("says plainly when a file has no e-mail column, and when a job has expired", async () => {
    const page = await newPage();
    await page.goto(`${app.base}/bulk/`);
    await upload(page, "phones.csv", "name,phone\nAnn,555-0100\nBen,555-0101\n");
    const error = page.getByTestId("upload-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      'The file could not be used. No column of e-mail addresses was found. The columns found are "name", "phone". Name the column "email", or put addresses in it.',
    );
    await expect(page.getByTestId("job").count()).resolves.toBe(0);
    await screenshot(page, "bulk-no-email-column-en-desktop");

    // Over the size limits the API answers 413 (MAILVET_JOB_MAX_BYTES, far above what a test
    // uploads, so the answer is the route's here), and the page says the file is too large.
    await page.route(
      (url) => url.pathname === "/v1/jobs",
      (route) =>
        route.fulfill({
          status: 413,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "payload_too_large", message: "The file is over 100 MB." } }),
        }),
    );
    await upload(page, "huge.csv", "email\nalice@ok.mailvet-mta.net\n");
    await page.getByTestId("upload-error").filter({ hasText: "too large" }).waitFor();
    await expect(error.textContent()).resolves.toBe("The file is too large. The file is over 100 MB.");

    // A job the service no longer knows (deleted after 7 days) says so, in the list too.
    const gone = "6f1c1a52-7d7e-4b8a-9f57-3a2f1d2e4c10";
    await page.evaluate((id) => {
      localStorage.setItem("mailvet.recentJobs", JSON.stringify([{ id, name: "old.csv", createdAt: "2026-01-02T03:04:05Z", total: 12, status: "done" }]));
    }, gone);
    await page.goto(`${app.base}/bulk/?job=${gone}`);
    await page.getByTestId("expired").waitFor();
    await expect(page.getByTestId("expired").textContent()).resolves.toBe("This job has expired: lists and results are kept for 7 days.");
    await expect(page.getByTestId("recent").locator("li").first().getAttribute("data-status")).resolves.toBe("expired");
  });

  it("opens the file picker from the keyboard", async () => {
    const page = await newPage();
    await page.goto(`${app.base}/bulk/`);
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== "file"; i++) await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("file");
    // The zone shows where the focus is.
    await expect(page.getByTestId("dropzone").evaluate((zone) => getComputedStyle(zone).outlineStyle)).resolves.toBe("solid");
    // Listening turns on Chromium's file-chooser interception, which takes a round trip: started
    // before the screenshot, it is on before the key press, however loaded the machine is.
    const chooserShown = page.waitForEvent("filechooser");
    await screenshot(page, "bulk-keyboard-focus-en-desktop");
    const [chooser] = await Promise.all([chooserShown, page.keyboard.press("Space")]);
    await chooser.setFiles({ name: "keyboard.csv", mimeType: "text/csv", buffer: Buffer.from("email\nbob@ok.mailvet-mta.net\n") });
    await page.getByRole("heading", { name: "List: keyboard.csv" }).waitFor();
    await waitDone(page);
    await expect(page.getByRole("link", { name: "CSV — Only deliverable" }).isVisible()).resolves.toBe(true);
  });

  it("reads in 中文 and fits a 375 px phone, light and dark", async () => {
    const desktop = await newPage({ locale: "zh-CN" });
    await desktop.goto(`${app.base}/bulk/`);
    await expect(desktop.locator("h1").textContent()).resolves.toBe("批量验证名单");
    await upload(desktop, "名单.csv", MIXED_CSV);
    await waitDone(desktop);
    await expect(desktop.getByTestId("breakdown").locator("h3").textContent()).resolves.toBe("结论分布");
    await expect(desktop.getByTestId("job-status").textContent()).resolves.toBe("已完成");
    await expect(desktop.getByRole("link", { name: "CSV — 仅可送达" }).isVisible()).resolves.toBe(true);
    await screenshot(desktop, "bulk-done-zh-desktop");
    await upload(desktop, "电话.csv", "姓名,电话\n张三,13800000000\n");
    await desktop.getByTestId("upload-error").waitFor();
    await expect(desktop.getByTestId("upload-error").textContent()).resolves.toMatch(
      /^无法使用此文件。No column of e-mail addresses was found\. The columns found are "姓名", "电话"\./,
    );
    await screenshot(desktop, "bulk-no-email-column-zh-desktop");

    for (const [locale, colorScheme] of [
      ["en-US", "light"],
      ["zh-CN", "light"],
      ["en-US", "dark"],
    ] as const) {
      const phone = await newPage({ locale, width: 375, colorScheme });
      await phone.goto(`${app.base}/bulk/`);
      await upload(phone, "contacts.csv", MIXED_CSV);
      await waitDone(phone);
      expect(await horizontalOverflow(phone)).toBe(0);
      // The breakdown table fits without scrolling sideways.
      await expect(phone.locator(".breakdown .table-wrap").evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).resolves.toBe(0);
      expect(await contrastFailures(phone)).toEqual([]);
      await screenshot(phone, `bulk-done-${locale.slice(0, 2)}-mobile${colorScheme === "dark" ? "-dark" : ""}`);
    }
  });
});
