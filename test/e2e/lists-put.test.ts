import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { LIST_OVERRIDE_KEYS } from "../../shared/lists/override-keys";
import { OFFLINE_WRANGLER_ENV, WRANGLER_BIN } from "../../infra/local/stack";

const repoRoot = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "mailvet-lists-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("npm run lists:put stores the normalized list in the edge's KV", () => {
  const file = join(dir, "disposable.txt");
  writeFileSync(file, "# ours\nThrowaway-Inbox.example-shop.net\nbücher-trash.de\nnot a domain\nthrowaway-inbox.example-shop.net\n");
  const persist = join(dir, "state");
  const output = execFileSync("npm", ["run", "--silent", "lists:put", "--", "disposable", file, "--persist-to", persist], { cwd: repoRoot, encoding: "utf8" });
  expect(output).toMatch(/2 domains stored under lists\/disposable \(2 lines skipped/);

  const stored = execFileSync(
    process.execPath,
    [WRANGLER_BIN, "kv", "key", "get", "--binding", "LISTS", LIST_OVERRIDE_KEYS.disposable, "--local", "--persist-to", persist, "--text"],
    {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
    },
  );
  expect(stored.trim()).toBe("throwaway-inbox.example-shop.net\nxn--bcher-trash-thb.de");
});
