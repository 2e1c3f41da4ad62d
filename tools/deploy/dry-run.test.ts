import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { OFFLINE_WRANGLER_ENV, WRANGLER_BIN } from "../../infra/local/stack";

/**
 * Each deployed environment of wrangler.toml builds as `wrangler deploy` would upload it,
 * offline: `--dry-run` bundles the Worker and checks its bindings without asking Cloudflare.
 * Needs the web app built (`npm test` builds it first).
 */
const repoRoot = join(import.meta.dirname, "../..");

it.concurrent.each(["staging", "production"])("wrangler deploy --dry-run --env %s builds offline", { timeout: 120_000 }, async (environment) => {
  const outdir = await mkdtemp(join(tmpdir(), `mailvet-dry-run-${environment}-`));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [WRANGLER_BIN, "deploy", "--dry-run", "--env", environment, "--outdir", outdir], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...OFFLINE_WRANGLER_ENV },
    });
    expect(stdout).toContain("--dry-run: exiting now.");
    for (const binding of [
      `env.VERIFY_QUEUE (mailvet-verify-${environment})`,
      `env.JOBS_DB (mailvet-jobs-${environment})`,
      `env.JOBS_BUCKET (mailvet-jobs-${environment})`,
      "env.JOB_COORDINATOR (JobCoordinator)",
      "env.LISTS",
    ])
      expect(stdout).toContain(binding);
    expect(await readdir(outdir)).toContain("index.js");
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
});
