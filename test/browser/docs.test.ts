import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { launchChromium, SCREENSHOT_DIR, screenshot, skipWithoutChromium } from "./chromium";

/**
 * The API docs page in Chromium against the real edge, with API keys on: it loads from the
 * edge alone, shows every endpoint, and every endpoint's curl, JavaScript and Python examples,
 * which are then run as they are (curl, Node, Python with requests) against the same edge.
 * The examples' addresses are at reserved domains, so no mail server or DNS answer is needed.
 */
const EDGE_PORT = 19297;
const API_KEY = "docs-test-key-0123456789";
const LANGUAGES = ["curl", "JavaScript", "Python"] as const;
type Language = (typeof LANGUAGES)[number];
const run = promisify(execFile);
/** Debian's Python, with python3-requests (infra/local/install-peers.sh installs both). */
const PYTHON = "/usr/bin/python3";

/** Python with requests, which the Python examples use; skipped where missing unless peers are required. */
function pythonWithRequests(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import requests"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.MAILVET_REQUIRE_PEERS === "1") throw new Error("python3 with requests is needed for the docs' Python examples");
    return false;
  }
}

/**
 * Operations the docs page documents (schemas, parameters, answers) but gives no hand-written
 * curl/JavaScript/Python example for yet (web/src/docs/samples/). Kept as an explicit list so the
 * gap is visible and shrinks: an operation missing from it must have examples.
 */
const WITHOUT_EXAMPLES = new Set([
  "get /v1/suppressions",
  "delete /v1/suppressions",
  "get /v1/suppressions.csv",
  "get /v1/suppressions/report",
  "get /v1/suppressions/{address}",
  "put /v1/suppressions/{address}",
  "delete /v1/suppressions/{address}",
  "post /webhooks/bounces/ses/{owner}",
  "post /webhooks/bounces/sendgrid/{owner}",
  "post /webhooks/bounces/mailgun/{owner}",
  "post /webhooks/bounces/postmark/{owner}",
  "post /webhooks/bounces/resend/{owner}",
  "post /v1/suppressions/import",
  "get /v1/reputation",
  "post /v1/reputation/schedules",
  "get /v1/reputation/schedules",
  "delete /v1/reputation/schedules/{id}",
  "get /v1/probers/doctor",
  "get /v1/probers",
]);

describe.skipIf(skipWithoutChromium())("the API docs page", () => {
  let stack: LocalStack;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  /** Every operation of /openapi.json, as `${method} ${path}`, with its summary. */
  let operations: { key: string; summary: string }[];
  /** The examples as the page shows them, per operation key and language. */
  const shown = new Map<string, Record<Language, string>>();

  beforeAll(async () => {
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: String(EDGE_PORT),
        MAILVET_PROBER_PORT: String(EDGE_PORT + 1),
        MAILVET_DOH_URL: inject("dnsPeerUrl") ?? "http://127.0.0.1:9/dns-query",
        MAILVET_API_KEYS: API_KEY,
      },
      { freshState: true },
    );
    const spec = (await (await fetch(`${stack.edgeUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, { summary: string }>> };
    operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ key: `${method} ${path}`, summary: operation.summary })),
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    page.on("request", (request) => requested.push(request.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("loads from this server alone and lists every endpoint", async () => {
    await page.goto(`${stack.edgeUrl}/docs/`);
    for (const { summary } of operations) {
      await expect.poll(() => page.getByText(summary, { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await screenshot(page, "docs");
    const elsewhere = requested.filter((url) => !url.startsWith(`${stack.edgeUrl}/`) && !url.startsWith("data:"));
    expect(elsewhere).toEqual([]);
  });

  it("shows curl, JavaScript and Python examples for every endpoint, naming this server", async () => {
    for (const { key, summary } of operations.filter(({ key }) => !WITHOUT_EXAMPLES.has(key))) {
      await page.getByText(summary, { exact: true }).first().click();
      const section = page.locator("section", { has: page.getByRole("heading", { name: summary, exact: true }) }).last();
      const examples = {} as Record<Language, string>;
      for (const language of LANGUAGES) {
        await section
          .getByRole("button", { name: new RegExp(`^(${LANGUAGES.join("|")})$`) })
          .first()
          .click();
        await page.getByRole("option", { name: language, exact: true }).click();
        const code = section.locator(".scalar-code-block code").first();
        await expect.poll(() => code.textContent(), { timeout: 10_000 }).toContain(stack.edgeUrl);
        examples[language] = (await code.textContent())!;
      }
      shown.set(key, examples);
    }
    await page.getByText("Verify one address", { exact: true }).first().click();
    await screenshot(page, "docs-verify-example");
    expect([...shown.keys()].sort()).toEqual(
      operations
        .map(({ key }) => key)
        .filter((key) => !WITHOUT_EXAMPLES.has(key))
        .sort(),
    );
    // Every operation listed as without examples is still in the API.
    expect([...WITHOUT_EXAMPLES].filter((key) => !operations.some((operation) => operation.key === key))).toEqual([]);
    // Nothing loaded from elsewhere while the examples were shown either.
    expect(requested.filter((url) => !url.startsWith(`${stack.edgeUrl}/`) && !url.startsWith("data:"))).toEqual([]);
  });

  it("switches to 中文, Scalar's reference with it, and documents the widget's script tag", async () => {
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("heading", { name: "API 文档", level: 1 }).waitFor();
    await page.getByText("查询参数").first().waitFor();
    await page.getByText("注册表单组件").click();
    await expect(page.locator(".widget-guide pre").textContent()).resolves.toContain(`<script src="${stack.edgeUrl}/widget.js"`);
    await page.getByRole("heading", { name: "API 文档", level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/docs-zh.png` });
  });

  describe("the examples run as they are", () => {
    const python = pythonWithRequests();
    let workDir: string;
    beforeAll(() => {
      workDir = mkdtempSync(join(tmpdir(), "mailvet-docs-"));
      writeFileSync(join(workDir, "emails.csv"), "name,email\nAlice,alice@example.org\nBob,bob@example.net\n");
    });
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    /** Runs one shown example in its language, in the work directory, with the key and job id in the environment. */
    async function runExample(key: string, language: Language, jobId = ""): Promise<string> {
      const source = shown.get(key)![language];
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, MAILVET_API_KEY: API_KEY, JOB_ID: jobId };
      const options = { cwd: workDir, env, timeout: 60_000 };
      if (language === "curl") return (await run("bash", ["-c", `${source.trim()} --silent --show-error --fail-with-body`], options)).stdout;
      if (language === "Python") return (await run(PYTHON, ["-c", source], options)).stdout;
      const file = join(workDir, "example.mjs");
      writeFileSync(file, source);
      return (await run(process.execPath, [file], options)).stdout;
    }

    const languages = LANGUAGES.filter((language) => language !== "Python" || python);

    it.each(languages)("%s: verify an address, by GET and by POST", async (language) => {
      for (const key of ["get /v1/verify", "post /v1/verify"]) {
        const output = await runExample(key, language);
        // example.org is reserved: undeliverable, whatever the network.
        expect(output).toMatch(language === "curl" ? /"verdict":"undeliverable","reason":"invalid_domain"/ : /^undeliverable invalid_domain/);
      }
    });

    it.each(languages)("%s: a bulk job, from upload to results, its changes, then deleted", async (language) => {
      const started = await runExample("post /v1/jobs", language);
      const id = (language === "curl" ? JSON.parse(started).id : started.split(" ")[0]) as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await expect.poll(async () => runExample("get /v1/jobs/{id}", language, id), { timeout: 60_000, interval: 500 }).toMatch(/"status":"done"/);
      rmSync(join(workDir, "results.csv"), { force: true });
      await runExample("get /v1/jobs/{id}/results", language, id);
      // The filter asks for deliverable and risky rows: none here, so the header alone.
      expect(readFileSync(join(workDir, "results.csv"), "utf8")).toMatch(/^\uFEFF?name,email,verdict,reason/);
      // curl fails on an error status; the others print it first.
      await expect(runExample("get /v1/jobs/{id}/changes", language, id)).resolves.not.toMatch(/^[45]\d\d /);
      await runExample("delete /v1/jobs/{id}", language, id);
      expect((await fetch(`${stack.edgeUrl}/v1/jobs/${id}`, { headers: { Authorization: `Bearer ${API_KEY}` } })).status).toBe(404);
    });

    it.each(languages)("%s: the liveness check", async (language) => {
      await expect(runExample("get /healthz", language)).resolves.toMatch(/ok/);
    });
  });
});
