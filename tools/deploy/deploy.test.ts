import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "smol-toml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PLACEHOLDER_ID } from "./config";
import { DeployRefused, deploy } from "./deploy";
import { wranglerOnPath } from "./wrangler-cli";

/**
 * The command plan of `npm run deploy` against the fake `wrangler` of ./testing on PATH, which
 * keeps a pretend account in a state file: what a first deploy creates and sets, that a second
 * changes nothing, and that missing secrets and bad settings refuse before anything changes.
 */
const repoRoot = join(import.meta.dirname, "../..");
const PROBERS = '[{"id":"eu1","region":"eu","url":"https://prober-eu1.example.net"}]';
const SECRETS = { MAILVET_PROBER_SECRET: "hop-secret-0123456789abcdef", MAILVET_API_KEYS: "api-key-0123456789abcdef" };

let folder: string;
let configPath: string;
let statePath: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "mailvet-deploy-"));
  configPath = join(folder, "wrangler.toml");
  statePath = join(folder, "account.json");
  copyFileSync(join(repoRoot, "wrangler.toml"), configPath);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Sets one var of `[env.staging.vars]` in the copied wrangler.toml. */
function setStagingVar(name: string, value: string): void {
  const toml = readFileSync(configPath, "utf8");
  writeFileSync(configPath, toml.replace("[env.staging.vars]\n", `[env.staging.vars]\n${name} = '${value}'\n`));
}

/** Each wrangler call the fake saw so far, as a command line. */
function calls(): string[] {
  if (!existsSync(`${statePath}.log`)) return [];
  return readFileSync(`${statePath}.log`, "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as string[]).join(" ").replace(` --config ${configPath}`, ""));
}

function account() {
  return JSON.parse(readFileSync(statePath, "utf8")) as {
    kv: { id: string; title: string }[];
    buckets: string[];
    queues: string[];
    d1: { uuid: string; name: string }[];
    workers: Record<string, { secrets: Record<string, string>; deploys: number }>;
  };
}

async function run(secretValues: Record<string, string> = SECRETS, answers: Record<string, string> = {}) {
  const lines: string[] = [];
  const asked: string[] = [];
  const env = { ...process.env, PATH: `${join(import.meta.dirname, "testing")}:${process.env.PATH}`, FAKE_WRANGLER_STATE: statePath };
  await deploy({
    environment: "staging",
    configPath,
    wrangler: wranglerOnPath(env),
    secretValues,
    log: (line) => lines.push(line),
    ask: async (name) => (asked.push(name), answers[name]),
  });
  return { lines, asked };
}

// Each call starts a Node process; a first deploy makes sixteen on a busy machine.
describe("npm run deploy against a fake wrangler", { timeout: 60_000 }, () => {
  it("first deploy: creates every resource, writes the ids, puts the secrets, migrates D1 remotely, deploys", async () => {
    setStagingVar("MAILVET_PROBERS", PROBERS);
    await run();
    expect(calls()).toEqual([
      "secret list --format json --env staging",
      "kv namespace list",
      "kv namespace create mailvet-edge-staging-LISTS",
      "kv namespace list",
      "r2 bucket list",
      "r2 bucket create mailvet-jobs-staging",
      "queues list",
      "queues create mailvet-verify-staging",
      "queues create mailvet-verify-dlq-staging",
      "d1 list --json",
      "d1 create mailvet-jobs-staging",
      "d1 list --json",
      "secret put MAILVET_PROBER_SECRET --env staging",
      "secret put MAILVET_API_KEYS --env staging",
      "d1 migrations apply mailvet-jobs-staging --remote --env staging",
      "deploy --env staging",
    ]);
    const state = account();
    expect(state.workers.staging!.secrets).toEqual(SECRETS);
    const written = parse(readFileSync(configPath, "utf8")) as {
      env: Record<string, { kv_namespaces: { id: string }[]; d1_databases: { database_id: string }[] }>;
    };
    expect(written.env.staging!.kv_namespaces[0]!.id).toBe(state.kv[0]!.id);
    expect(written.env.staging!.d1_databases[0]!.database_id).toBe(state.d1[0]!.uuid);
    expect(written.env.production!.kv_namespaces[0]!.id).toBe(PLACEHOLDER_ID);
  });

  it("second deploy: creates, writes and puts nothing, and deploys the same Worker again", async () => {
    setStagingVar("MAILVET_PROBERS", PROBERS);
    await run();
    const tomlAfterFirst = readFileSync(configPath, "utf8");
    const firstCalls = calls().length;
    const accountAfterFirst = account();
    const { asked } = await run({});
    const secondCalls = calls().slice(firstCalls);
    expect(secondCalls.filter((call) => / create | put /.test(call))).toEqual([]);
    expect(secondCalls.at(-1)).toBe("deploy --env staging");
    expect(asked).toEqual([]);
    expect(readFileSync(configPath, "utf8")).toBe(tomlAfterFirst);
    expect({ ...account(), workers: {} }).toEqual({ ...accountAfterFirst, workers: {} });
    expect(account().workers.staging!.secrets).toEqual(SECRETS);
  });

  it("asks for a missing secret that the environment does not give", async () => {
    const { asked, lines } = await run({}, { MAILVET_API_KEYS: "typed-key-0123456789abcdef" });
    // No probers: the hop key is not needed, and the edge says what it will not do.
    expect(asked).toEqual(["MAILVET_API_KEYS"]);
    expect(account().workers.staging!.secrets).toEqual({ MAILVET_API_KEYS: "typed-key-0123456789abcdef" });
    expect(lines).toContain(
      "note: MAILVET_PROBERS is not set: this edge will not probe SMTP; results that need it answer unknown/smtp_skipped and /healthz says so",
    );
  });

  it("refuses when a secret is missing and nobody gives it, having only listed the secrets", async () => {
    setStagingVar("MAILVET_PROBERS", PROBERS);
    await expect(run({ MAILVET_API_KEYS: SECRETS.MAILVET_API_KEYS })).rejects.toThrow(
      new DeployRefused(
        "not deployed, nothing changed:\n  - MAILVET_PROBER_SECRET: must be set when MAILVET_PROBERS lists probers; each prober has the same key",
      ),
    );
    expect(calls()).toEqual(["secret list --format json --env staging"]);
  });

  it("refuses a secret value the edge would refuse, putting nothing", async () => {
    setStagingVar("MAILVET_PROBERS", PROBERS);
    await expect(run({ ...SECRETS, MAILVET_PROBER_SECRET: "short" })).rejects.toThrow(/MAILVET_PROBER_SECRET: each key must be at least 16 characters/);
    expect(calls()).toEqual(["secret list --format json --env staging"]);
  });

  it.each([
    ["a prober on loopback", "MAILVET_PROBERS", '[{"id":"eu1","region":"eu","url":"http://127.0.0.1:8788"}]', /prober eu1 is on loopback/],
    ["a prober over plain http", "MAILVET_PROBERS", '[{"id":"eu1","region":"eu","url":"http://prober.example.net"}]', /MAILVET_PROBERS: must be https/],
    ["probers that are not JSON", "MAILVET_PROBERS", "eu1", /MAILVET_PROBERS: must be JSON/],
    ["a secret in plain vars", "MAILVET_API_KEYS", "api-key-0123456789abcdef", /MAILVET_API_KEYS: a secret must not be in wrangler.toml's vars/],
    ["a test-only switch", "MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE", "1", /MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: is for tests only/],
    ["a bad number", "MAILVET_JOB_RETENTION_DAYS", "seven", /MAILVET_JOB_RETENTION_DAYS: must be a whole number/],
  ])("refuses %s before calling wrangler at all", async (_, name, value, message) => {
    setStagingVar(name, value);
    await expect(run()).rejects.toThrow(message);
    expect(calls()).toEqual([]);
  });

  it("refuses an environment wrangler.toml does not have", async () => {
    await expect(deploy({ environment: "prod", configPath, wrangler: () => "", secretValues: {}, log: () => {}, ask: async () => undefined })).rejects.toThrow(
      "wrangler.toml has no [env.prod]; the environments are: staging, production",
    );
  });
});
