import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBER_VARIABLES } from "../../shared/settings/variables";
import { readEnvironment } from "./config";

/**
 * The README's "Deploy" section, command by command: each shell line must be one this file
 * knows, and each is either run here (the installer, with the README's own settings, in a
 * throwaway root), run by the named test, or reaches what no test can (Cloudflare's API, whose
 * calls tools/deploy/deploy.test.ts checks against a fake wrangler; your VM).
 */
const repoRoot = join(import.meta.dirname, "../..");
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("\n## Deploy\n"), readme.indexOf("\n## ", readme.indexOf("\n## Deploy\n") + 1));
const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
  block[1]!.split("\n").filter((line) => line.trim() && !line.startsWith("#")),
);

type Coverage = { pattern: RegExp; by: string };
const COVERAGE: Coverage[] = [
  { pattern: /^npm ci$/, by: "CI's first step, before every suite" },
  { pattern: /^npm run build:prober$/, by: "test/e2e/prober-bundle.test.ts" },
  { pattern: /^scp -r dist\/prober\.mjs infra\/prober \S+:$/, by: "your VM" },
  { pattern: /^ssh \S+ sudo (MAILVET_\w+=\S+ )+\.\/prober\/install\.sh prober\.mjs$/, by: "this file, and infra/prober/install.test.ts" },
  { pattern: /^npx wrangler login$/, by: "Cloudflare's API" },
  { pattern: /^npm run deploy -- (staging|production)$/, by: "tools/deploy/deploy.test.ts (a fake wrangler)" },
];

describe("the README's Deploy section", () => {
  it("has commands", () => {
    expect(commands.length).toBeGreaterThan(5);
  });

  it.each(commands)("knows how `%s` is covered", (command) => {
    expect(COVERAGE.filter(({ pattern }) => pattern.test(command)).map(({ by }) => by)).toHaveLength(1);
  });

  it("has no coverage entry left without its command", () => {
    for (const { pattern } of COVERAGE)
      expect(
        commands.some((command) => pattern.test(command)),
        String(pattern),
      ).toBe(true);
  });

  it("builds the prober with the script the e2e test runs, and copies what the installer needs", () => {
    const scripts = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["build:prober"]).toBe("node tools/prober/build.mjs");
    expect(readFileSync(join(repoRoot, "test/e2e/prober-bundle.test.ts"), "utf8")).toContain('"tools/prober/build.mjs"');
    const installer = readFileSync(join(repoRoot, "infra/prober/install.sh"), "utf8");
    for (const file of installer.matchAll(/\$here\/([\w.-]+)/g)) expect(existsSync(join(repoRoot, "infra/prober", file[1]!)), file[1]).toBe(true);
  });

  it("installs a prober with the README's own settings (dry run in a throwaway root)", () => {
    const install = commands.find((command) => command.startsWith("ssh "))!;
    const settings = Object.fromEntries([...install.matchAll(/(MAILVET_\w+)=(\S+)/g)].map((match) => [match[1]!, match[2]!]));
    for (const name of Object.keys(settings)) expect(PROBER_VARIABLES).toContain(name);
    const root = mkdtempSync(join(tmpdir(), "mailvet-readme-install-"));
    try {
      writeFileSync(join(root, "prober.mjs"), "// bundle\n");
      const run = spawnSync("bash", [join(repoRoot, "infra/prober/install.sh"), "--root", root, "--dry-run", join(root, "prober.mjs")], {
        env: { PATH: process.env.PATH, ...settings },
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const envFile = readFileSync(join(root, "etc/mailvet-prober/env"), "utf8");
      for (const [name, value] of Object.entries(settings)) expect(envFile).toContain(`${name}=${value}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("deploys environments wrangler.toml has", () => {
    const toml = readFileSync(join(repoRoot, "wrangler.toml"), "utf8");
    for (const command of commands.filter((line) => line.startsWith("npm run deploy -- ")))
      expect(readEnvironment(toml, command.split(" ").at(-1)!).worker).toMatch(/^mailvet-edge-/);
  });
});
