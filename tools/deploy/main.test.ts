import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `tools/deploy/main.ts` as `npm run deploy` runs it, with the fake wrangler first on PATH and
 * no terminal: secrets come from the environment, and a refusal is one clear message and exit 1.
 */
const repoRoot = join(import.meta.dirname, "../..");
const folder = mkdtempSync(join(tmpdir(), "mailvet-deploy-main-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function deployCommand(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "tools/deploy/main.ts"), ...args], {
    env: { PATH: `${join(import.meta.dirname, "testing")}:${process.env.PATH}`, FAKE_WRANGLER_STATE: join(folder, "account.json"), ...env },
    input: "",
    encoding: "utf8",
    cwd: repoRoot,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run deploy, the command", { timeout: 60_000 }, () => {
  it("prints its usage without an environment", () => {
    expect(deployCommand([])).toMatchObject({ status: 2, stderr: "usage: npm run deploy -- <staging|production> [--config wrangler.toml]\n" });
  });

  it("refuses, without a terminal to ask on, a secret the environment does not give", () => {
    const configPath = join(folder, "refused.toml");
    copyFileSync(join(repoRoot, "wrangler.toml"), configPath);
    const { status, stderr } = deployCommand(["production", "--config", configPath]);
    expect(status).toBe(1);
    expect(stderr).toBe(
      "deploy production: not deployed, nothing changed:\n  - MAILVET_API_KEYS: must be set; a deployed edge without keys would be open to anyone\n",
    );
  });

  it("deploys with the secrets from the environment", () => {
    const configPath = join(folder, "deployed.toml");
    copyFileSync(join(repoRoot, "wrangler.toml"), configPath);
    const { status, stdout } = deployCommand(["production", "--config", configPath], { MAILVET_API_KEYS: "api-key-0123456789abcdef" });
    expect(status).toBe(0);
    expect(stdout).toContain("created D1 database mailvet-jobs-production");
    expect(stdout).toContain("secret MAILVET_API_KEYS set");
    expect(stdout).toContain("Uploaded mailvet-edge-production");
  });
});
