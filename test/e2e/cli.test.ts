import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { writeXlsx } from "../../shared/bulk";
import { VerifyResultSchema } from "../../shared/contract/schemas";

/**
 * The `mailvet` command as users run it: the real bin, as a child process, against a real local
 * stack (edge in workerd, a prober, the Postfix farm), behind an API key.
 */
const dnsPeer = inject("dnsPeerUrl");
const repoRoot = new URL("../../", import.meta.url).pathname;
const BIN = join(repoRoot, "cli/bin.mjs");
const API_KEY = "cli-e2e-key-0123456789";
/** Nothing listens here (the range is this suite's; the stack uses 19387 and 19388). */
const DEAD_API = "http://127.0.0.1:19399";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin with the given arguments in `cwd`; `env` adds to a minimal environment. */
function start(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: Run = { code: null, stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (run.stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (run.stderr += chunk));
  const done = once(child, "close").then(([code]) => ((run.code = code as number | null), run));
  return { child, run, done };
}

/** CSV text as the API writes it (UTF-8 with a BOM) into rows of cells. */
function csvRows(path: string): string[][] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("mailvet, the command line", () => {
  let farm: MtaFarm;
  let stack: LocalStack;
  let dir: string;
  /** Runs mailvet against the stack, with the key from the environment, and waits for it. */
  let mailvet: (args: string[], env?: Record<string, string>) => Promise<Run>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "mailvet-cli-e2e-"));
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "19387",
        MAILVET_PROBER_PORT: "19388",
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_API_KEYS: API_KEY,
        MAILVET_PROBER_HOST_RATE: "1000",
        MAILVET_JOB_DOMAIN_RATE: "1000",
        MAILVET_JOB_PROBER_RETRIES: "0",
        // The tarpit's timeout stands at the first try: these tests are about the CLI, not retries.
        MAILVET_JOB_TEMPORARY_RETRIES: "0",
      },
      { freshState: true },
    );
    mailvet = (args, env = {}) => start(args, { cwd: dir, env: { MAILVET_API: stack.edgeUrl, MAILVET_API_KEY: API_KEY, ...env } }).done;
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("verify", () => {
    it("prints a deliverable address readably and exits 0", async () => {
      const run = await mailvet(["verify", "alice@ok.mailvet-mta.net"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^alice@ok\.mailvet-mta\.net: deliverable \(score \d+\)$/m);
      expect(run.stdout).toContain("the mail server accepts mail for this mailbox (accepted)");
      expect(run.stdout).toMatch(/mail hosts {2}mx1\.mailvet-mta\.net \(10\)/);
      expect(run.stdout).toMatch(/smtp {8}250 2\.1\.5 .*from mx1\.mailvet-mta\.net in \d+ ms/);
      // Not a terminal: no colour codes.
      expect(run.stdout).not.toContain("\x1b[");
      expect(run.stderr).toBe("");
    });

    it("prints an undeliverable address with the server's reply and exits 1", async () => {
      const run = await mailvet(["verify", "nobody@ok.mailvet-mta.net"]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain("nobody@ok.mailvet-mta.net: undeliverable");
      expect(run.stdout).toContain("the mail server says this mailbox does not exist (mailbox_not_found)");
      expect(run.stdout).toMatch(/smtp {8}550 5\.1\.1 .*rule mailbox-not-found\)/);
    });

    it("prints the API's results as JSON lines, in the order given", async () => {
      const run = await mailvet(["verify", "--json", "bob@ok.mailvet-mta.net", "disabled@ok.mailvet-mta.net", "alice@ok.mailvet-mta.net"]);
      expect(run.code, run.stderr).toBe(1);
      const results = run.stdout
        .trimEnd()
        .split("\n")
        .map((line) => VerifyResultSchema.parse(JSON.parse(line)));
      expect(results.map(({ email, verdict, reason }) => [email, verdict, reason])).toEqual([
        ["bob@ok.mailvet-mta.net", "deliverable", "accepted"],
        ["disabled@ok.mailvet-mta.net", "undeliverable", "mailbox_disabled"],
        ["alice@ok.mailvet-mta.net", "deliverable", "accepted"],
      ]);
    });

    it("exits 0 when every address is deliverable, and skips the mail server with --no-smtp", async () => {
      expect((await mailvet(["verify", "--json", "alice@ok.mailvet-mta.net", "bob@ok.mailvet-mta.net"])).code).toBe(0);
      const run = await mailvet(["verify", "alice@ok.mailvet-mta.net", "--no-smtp"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("unknown (score");
      expect(run.stdout).toContain("its mail server was not asked (smtp_skipped)");
      expect(run.stdout).toMatch(/smtp {8}not asked/);
    });

    it("passes the API's refusal of a bad timeout on with exit 4", async () => {
      const run = await mailvet(["verify", "alice@ok.mailvet-mta.net", "--timeout", "5"]);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/timeout_ms must be between 1000 and 30000/);
    });
  });

  describe("clean", () => {
    const header = ["name", "email", "note"];
    const rows = [
      ["Alice, A.", "alice@ok.mailvet-mta.net", 'said "hi"'],
      ["Nobody", "nobody@ok.mailvet-mta.net", ""],
      ["Broken", "not-an-address", "no at sign"],
      ["Bob", "bob@ok.mailvet-mta.net", "line one\nline two"],
      ["Anyone", "anyone@catchall.mailvet-mta.net", ""],
      ["Alice again", "alice@ok.mailvet-mta.net", "a duplicate"],
    ];
    const verdicts = ["deliverable", "undeliverable", "undeliverable", "deliverable", "risky", "deliverable"];

    beforeAll(() => {
      writeFileSync(join(dir, "list.csv"), Papa.unparse([header, ...rows]));
    });

    it("keeps the deliverable rows by default, columns and quoting intact, and prints a summary", async () => {
      const run = await mailvet(["clean", "list.csv", "-o", "clean.csv"]);
      expect(run.code, run.stderr).toBe(0);
      const [outHeader, ...outRows] = csvRows(join(dir, "clean.csv"));
      expect(outHeader).toEqual([...header, "verdict", "reason", "disposable", "role", "free", "catch_all", "gibberish", "suggestion"]);
      expect(outRows.map((row) => row.slice(0, 5))).toEqual([
        [...rows[0]!, "deliverable", "accepted"],
        [...rows[3]!, "deliverable", "accepted"],
        [...rows[5]!, "deliverable", "accepted"],
      ]);
      expect(run.stdout).toMatch(/^deliverable +3 +50\.0%$/m);
      expect(run.stdout).toMatch(/^undeliverable +2 +33\.3%$/m);
      expect(run.stdout).toMatch(/^risky +1 +16\.7%$/m);
      expect(run.stdout).toMatch(/^unknown +0 +0\.0%$/m);
      expect(run.stdout).toMatch(/^total +6 +100\.0%$/m);
      expect(run.stdout).toContain("Kept 3 of 6 rows (deliverable) in clean.csv.");
      expect(run.stdout).toMatch(/^Job [0-9a-f-]{36}: 6 rows in [\d.]+ s \(\d+ rows\/s\)\.$/m);
      // stderr is not a terminal: plain progress lines, no bar, and never an address.
      expect(run.stderr).toMatch(/^Job [0-9a-f-]{36}: 6 rows$/m);
      expect(run.stderr).toMatch(/^done: 100% \(6\/6 rows/m);
      expect(run.stderr).not.toContain("\r");
      expect(run.stderr).not.toContain("@");
      expect(readdirSync(dir).filter((name) => name.endsWith(".part"))).toEqual([]);
    });

    it("writes every row with --all, as XLSX", async () => {
      const run = await mailvet(["clean", "list.csv", "-o", "all.xlsx", "--all"]);
      expect(run.code, run.stderr).toBe(0);
      const [outHeader, ...outRows] = (await readXlsxFile(readFileSync(join(dir, "all.xlsx"))))[0]!.data;
      expect(outHeader!.slice(0, 5)).toEqual([...header, "verdict", "reason"]);
      expect(outRows.map((row) => [row[0], row[3]])).toEqual(rows.map((row, index) => [row[0], verdicts[index]]));
      expect(run.stdout).toContain("Kept 6 of 6 rows (all verdicts) in all.xlsx.");
    });

    it("keeps the verdicts --keep names, and prints the summary as JSON with --json", async () => {
      const run = await mailvet(["clean", "list.csv", "-o", "kept.json", "--keep", "deliverable,risky", "--json"]);
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(summary).toMatchObject({
        status: "done",
        output: "kept.json",
        format: "json",
        keep: ["deliverable", "risky"],
        total: 6,
        kept: 4,
        counts: { deliverable: 3, undeliverable: 2, risky: 1, unknown: 0 },
      });
      const { results } = JSON.parse(readFileSync(join(dir, "kept.json"), "utf8")) as { results: { email: string; verdict: string }[] };
      expect(results.map(({ email, verdict }) => [email, verdict])).toEqual([0, 3, 4, 5].map((index) => [rows[index]![1], verdicts[index]]));
    });

    it("uploads an XLSX list", async () => {
      async function* sheet() {
        yield ["E-Mail", "Name"];
        yield ["bob@ok.mailvet-mta.net", "Bob"];
        yield ["nobody@ok.mailvet-mta.net", "Nobody"];
      }
      const chunks: Uint8Array[] = [];
      for await (const chunk of writeXlsx("Sheet1", sheet())) chunks.push(chunk);
      writeFileSync(join(dir, "list.xlsx"), Buffer.concat(chunks));
      const run = await mailvet(["clean", "list.xlsx", "-o", "from-xlsx.csv"]);
      expect(run.code, run.stderr).toBe(0);
      expect(csvRows(join(dir, "from-xlsx.csv")).map((row) => row.slice(0, 3))).toEqual([
        ["E-Mail", "Name", "verdict"],
        ["bob@ok.mailvet-mta.net", "Bob", "deliverable"],
      ]);
    });

    it("reads a list that is not UTF-8 (windows-1252), and writes UTF-8", async () => {
      writeFileSync(
        join(dir, "latin1.csv"),
        Buffer.from("Name;Courriel\r\nJosé Müller;alice@ok.mailvet-mta.net\r\nFrançoise;nobody@ok.mailvet-mta.net\r\n", "latin1"),
      );
      const run = await mailvet(["clean", "latin1.csv", "-o", "latin1-out.csv", "--all"]);
      expect(run.code, run.stderr).toBe(0);
      expect(csvRows(join(dir, "latin1-out.csv")).map((row) => row.slice(0, 3))).toEqual([
        ["Name", "Courriel", "verdict"],
        ["José Müller", "alice@ok.mailvet-mta.net", "deliverable"],
        ["Françoise", "nobody@ok.mailvet-mta.net", "undeliverable"],
      ]);
    });

    it("exits 4 for a list with no e-mail column, writing nothing", async () => {
      writeFileSync(join(dir, "no-email.csv"), "name,city\nAnn,Paris\nBob,Rome\n");
      const run = await mailvet(["clean", "no-email.csv", "-o", "never.csv"]);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/mailvet: the API answered 400 invalid_request: no column of e-mail addresses .* "name", "city"/i);
      expect(existsSync(join(dir, "never.csv"))).toBe(false);
    });

    it("exits 4 for a file that is not there, before asking the API", async () => {
      const run = await mailvet(["clean", "missing.csv", "-o", "never.csv"], { MAILVET_API: DEAD_API });
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/cannot read missing\.csv \(ENOENT\)/);
    });

    it("exits 4 for an output folder that is not there, before asking the API", async () => {
      const run = await mailvet(["clean", "list.csv", "-o", "no-such-folder/out.csv"], { MAILVET_API: DEAD_API });
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/cannot write no-such-folder\/out\.csv: its folder is missing or read-only/);
    });

    it("stops watching at Ctrl-C, names the job, and `results` fetches it later", async () => {
      // A tarpit never answers, so the job runs for the prober's whole deadline.
      writeFileSync(join(dir, "slow.csv"), "email\nalice@tarpit.mailvet-mta.net\nbob@ok.mailvet-mta.net\n");
      const cli = start(["clean", "slow.csv", "-o", "slow-out.csv", "--all"], { cwd: dir, env: { MAILVET_API: stack.edgeUrl, MAILVET_API_KEY: API_KEY } });
      await expect.poll(() => cli.run.stderr, { timeout: 30_000, interval: 50 }).toMatch(/^Job [0-9a-f-]{36}: 2 rows$/m);
      cli.child.kill("SIGINT");
      const run = await cli.done;
      expect(run.code).toBe(130);
      const jobId = /^Job ([0-9a-f-]{36})/m.exec(run.stderr)![1]!;
      expect(run.stderr).toContain(`job ${jobId} carries on on the server; fetch its results later with:\n  mailvet results ${jobId} -o slow-out.csv --all`);
      expect(existsSync(join(dir, "slow-out.csv"))).toBe(false);

      const status = await mailvet(["status", jobId, "--json"]);
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ id: jobId, total: 2 });

      const later = await mailvet(["results", jobId, "-o", "slow-out.csv", "--all"]);
      expect(later.code, later.stderr).toBe(0);
      expect(csvRows(join(dir, "slow-out.csv")).map((row) => row.slice(0, 3))).toEqual([
        ["email", "verdict", "reason"],
        ["alice@tarpit.mailvet-mta.net", "unknown", "timeout"],
        ["bob@ok.mailvet-mta.net", "deliverable", "accepted"],
      ]);
      expect(later.stdout).toContain(`Job ${jobId}.`);
      expect((await mailvet(["status", jobId])).stdout).toMatch(
        new RegExp(`^Job ${jobId}: done, 2/2 rows \\(deliverable 1, undeliverable 0, risky 0, unknown 1\\)$`, "m"),
      );
    });

    it("exits 4 for a job the API does not know", async () => {
      const run = await mailvet(["status", "00000000-0000-4000-8000-000000000000"]);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/404 not_found/);
    });
  });

  describe("failures", () => {
    it("exits 3 when the API cannot be reached", async () => {
      for (const args of [
        ["verify", "alice@ok.mailvet-mta.net"],
        ["clean", "list.csv", "-o", "never.csv"],
      ]) {
        const run = await mailvet(args, { MAILVET_API: DEAD_API });
        expect(run.code).toBe(3);
        expect(run.stderr).toContain(`mailvet: cannot reach the API at ${DEAD_API} (ECONNREFUSED)`);
      }
      expect(existsSync(join(dir, "never.csv"))).toBe(false);
    });

    it("exits 3 when the API refuses the key; --key and --api win over the environment", async () => {
      const refused = await mailvet(["verify", "alice@ok.mailvet-mta.net", "--key", "wrong"]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/the API refused the key .*401/);
      const explicit = await mailvet(["verify", "alice@ok.mailvet-mta.net", "--api", stack.edgeUrl, "--key", API_KEY], {
        MAILVET_API: DEAD_API,
        MAILVET_API_KEY: "wrong",
      });
      expect(explicit.code, explicit.stderr).toBe(0);
    });

    it("uses the local edge on MAILVET_EDGE_PORT when nothing else names an API", async () => {
      const run = await start(["verify", "alice@ok.mailvet-mta.net", "--json"], { cwd: dir, env: { MAILVET_EDGE_PORT: "19387", MAILVET_API_KEY: API_KEY } })
        .done;
      expect(run.code, run.stderr).toBe(0);
    });

    it.each([
      [["verify", "alice@ok.mailvet-mta.net", "--bogus"], /Unknown option '--bogus'/],
      [["clean", "list.csv"], /say where the results go/],
      [["clean", "list.csv", "-o", "out.txt"], /must end in \.csv, \.xlsx or \.json/],
      [["frobnicate"], /unknown command "frobnicate"/],
      [[], /missing the command/],
    ])("exits 2 with the usage for %j", async (args, message) => {
      const run = await mailvet(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain("Usage:\n  mailvet verify <address>...");
      expect(run.stdout).toBe("");
    });
  });

  describe("the bin", () => {
    it("prints help with the exit codes, and the version", async () => {
      const help = await mailvet(["--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
      expect((await mailvet(["--version"])).stdout).toBe(
        `${(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version}\n`,
      );
    });

    it("runs as `npx mailvet` from the repo root", async () => {
      const child = spawn("npx", ["mailvet", "--version"], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        stdio: ["ignore", "pipe", "ignore"],
      });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      const [code] = await once(child, "close");
      expect(code).toBe(0);
      expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });
  });
});
