import { spawnSync } from "node:child_process";

/** A wrangler command that failed; its message holds what wrangler printed. */
export class WranglerError extends Error {
  override readonly name = "WranglerError";
  constructor(
    readonly args: readonly string[],
    readonly output: string,
  ) {
    super(`wrangler ${args.join(" ")} failed:\n${output.trim()}`);
  }
}

/** Runs one wrangler command and returns what it printed on stdout. */
export type Wrangler = (args: string[], input?: string) => string;

/**
 * Runs the `wrangler` found on the PATH of `env` (`npm run deploy` puts the repo's own first;
 * the tests put a fake there). Secrets go in on stdin, never on the command line, where `ps`
 * would show them.
 *
 * @example
 * const wrangler = wranglerOnPath(process.env);
 * JSON.parse(wrangler(["d1", "list", "--json"]));
 */
export function wranglerOnPath(env: NodeJS.ProcessEnv): Wrangler {
  return (args, input) => {
    const run = spawnSync("wrangler", args, {
      env: { ...env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
      input: input ?? "",
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw new WranglerError(args, run.error.message);
    if (run.status !== 0) throw new WranglerError(args, `${run.stdout}${run.stderr}`);
    return run.stdout;
  };
}
