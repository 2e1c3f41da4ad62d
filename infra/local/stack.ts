import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { parseSettings } from "../../shared/settings/parse";
import { EDGE_VARIABLES, PROBER_VARIABLES, variables, type VariableName } from "../../shared/settings/variables";
import { assertPortFree, type ManagedProcess, startProcess, waitForHealthy } from "./processes";

const repoRoot = new URL("../../", import.meta.url).pathname;
const STARTUP_TIMEOUT_MS = 60_000;

/**
 * wrangler's command-line entry, run with this process's Node (22, from node_modules) rather
 * than whatever `node` the PATH has first.
 */
export const WRANGLER_BIN = join(dirname(createRequire(import.meta.url).resolve("wrangler/package.json")), "bin/wrangler.js");

/** Keeps wrangler and miniflare from phoning home. */
export const OFFLINE_WRANGLER_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

export interface StackOptions {
  /**
   * Give the edge a state of its own (KV, caches) that goes when the stack stops, instead of the
   * repo's `.wrangler/state`, which `npm start` keeps between runs: suites must not see what an
   * earlier run cached.
   */
  freshState?: boolean;
  /**
   * Probers to start beside the first, each with its own settings on top of the first's (at
   * least its MAILVET_PROBER_PORT; its MAILVET_PROBER_SOURCE_IP for an egress of its own). The
   * MAILVET_PROBERS given must name them all.
   */
  moreProbers?: Record<string, string>[];
  /** Serve wrangler dev's `/__scheduled` route, so a test can run the Cron Trigger. */
  testScheduled?: boolean;
}

export interface LocalStack {
  edgeUrl: string;
  proberUrl: string;
  stop(): Promise<void>;
  /** Resolves when either process ends on its own, with its name. */
  died: Promise<string>;
  /** Process group of the edge (wrangler and the workerd it runs), for benchmarks. */
  edgeProcessGroup: number;
  /** Where the edge keeps its local state (`--persist-to`), or undefined for the repo's `.wrangler/state`. */
  statePath: string | undefined;
}

/**
 * Validates every MAILVET_* variable of `env` (throwing a SettingsError that names the bad
 * ones), fills in the local defaults — ports 8787/8788, one local prober, a fresh hop secret —
 * and returns the environment each process gets.
 *
 * @example
 * const { edgePort, edgeEnv, proberEnv } = resolveLocalSettings(process.env);
 */
export function resolveLocalSettings(env: NodeJS.ProcessEnv) {
  const parsed = parseSettings(env, Object.keys(variables) as VariableName[]);
  const edgePort = parsed.MAILVET_EDGE_PORT;
  const proberPort = parsed.MAILVET_PROBER_PORT;
  const resolved: Record<string, string> = {
    ...pickSet(env),
    MAILVET_PROBER_PORT: String(proberPort),
    MAILVET_PROBER_SECRET: env.MAILVET_PROBER_SECRET || randomBytes(32).toString("base64url"),
    MAILVET_PROBERS: env.MAILVET_PROBERS || JSON.stringify([{ id: "local", region: "local", url: `http://127.0.0.1:${proberPort}` }]),
    // workerd's Analytics Engine binding keeps nothing; the local table can be read.
    MAILVET_ANALYTICS_LOCAL: env.MAILVET_ANALYTICS_LOCAL || "1",
  };
  const only = (names: readonly VariableName[]) => Object.fromEntries(names.filter((name) => name in resolved).map((name) => [name, resolved[name]!]));
  return { edgePort, proberPort, edgeEnv: only(EDGE_VARIABLES), proberEnv: only(PROBER_VARIABLES) };
}

/** Quotes a value for a .env file with a quote it does not contain; dotenv takes quoted text literally. */
function dotenvQuote(value: string): string {
  const quote = ["'", '"', "`"].find((candidate) => !value.includes(candidate));
  if (!quote || value.includes("\n")) throw new Error("a setting holds every kind of quote or a line break");
  return `${quote}${value}${quote}`;
}

function pickSet(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[0].startsWith("MAILVET_") && !!entry[1]));
}

/**
 * Starts a prober process (Node, through tsx) with the given MAILVET_* environment, offline
 * like everything the stack starts.
 *
 * @example
 * const prober = startProber(resolveLocalSettings(env).proberEnv);
 */
export function startProber(proberEnv: Record<string, string>): ManagedProcess {
  return startProcess("prober", process.execPath, ["--import", "tsx", join(repoRoot, "prober/src/main.ts")], { ...baseProcessEnv(), ...proberEnv });
}

/**
 * Applies D1's migrations (edge/migrations/, wrangler.toml's migrations_dir) that the local
 * state lacks, as a deploy does to the real database, before the edge starts.
 */
async function applyD1Migrations(persistTo: string | undefined): Promise<void> {
  const args = [WRANGLER_BIN, "d1", "migrations", "apply", "mailvet-jobs", "--local", "--cwd", repoRoot, ...(persistTo ? ["--persist-to", persistTo] : [])];
  await promisify(execFile)(process.execPath, args, { env: { ...baseProcessEnv(), CI: "1" } });
}

/** What every process of the stack inherits: a PATH and HOME, and wrangler kept offline. */
function baseProcessEnv() {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...OFFLINE_WRANGLER_ENV };
}

/**
 * Starts the local stack: the prober in Node and the edge in workerd through `wrangler dev`,
 * wired together, and waits until both answer /healthz. Secrets reach wrangler through a
 * private env file, not the command line, where `ps` would show them.
 *
 * @example
 * const stack = await startStack(process.env);
 * await fetch(`${stack.edgeUrl}/v1/verify?email=a@b.com&smtp=false`);
 * await stack.stop();
 */
export async function startStack(env: NodeJS.ProcessEnv, options: StackOptions = {}): Promise<LocalStack> {
  const { edgePort, proberPort, edgeEnv, proberEnv } = resolveLocalSettings(env);
  await assertPortFree(edgePort, "MAILVET_EDGE_PORT");
  await assertPortFree(proberPort, "MAILVET_PROBER_PORT");
  const varsDir = mkdtempSync(join(tmpdir(), "mailvet-"));
  const varsFile = join(varsDir, "edge.env");
  writeFileSync(
    varsFile,
    Object.entries(edgeEnv)
      .map(([name, value]) => `${name}=${dotenvQuote(value)}`)
      .join("\n"),
    { mode: 0o600 },
  );

  const persistTo = options.freshState ? join(varsDir, "state") : undefined;
  try {
    await applyD1Migrations(persistTo);
  } catch (error) {
    rmSync(varsDir, { recursive: true, force: true });
    throw error;
  }
  const moreProbers = (options.moreProbers ?? []).map((overrides) => ({ ...proberEnv, ...overrides }));
  for (const extra of moreProbers) await assertPortFree(Number(extra.MAILVET_PROBER_PORT), "a further prober's MAILVET_PROBER_PORT");
  const processes: ManagedProcess[] = [
    startProber(proberEnv),
    startProcess(
      "edge",
      process.execPath,
      [
        WRANGLER_BIN,
        "dev",
        "--cwd",
        repoRoot,
        "--ip",
        "127.0.0.1",
        "--port",
        String(edgePort),
        "--env-file",
        varsFile,
        "--show-interactive-dev-session=false",
        "--log-level",
        "warn",
        ...(persistTo ? ["--persist-to", persistTo] : []),
        ...(options.testScheduled ? ["--test-scheduled"] : []),
      ],
      baseProcessEnv(),
    ),
    ...moreProbers.map((extra) => startProber(extra)),
  ];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(varsDir, { recursive: true, force: true });
  };
  const stack = {
    edgeUrl: `http://127.0.0.1:${edgePort}`,
    proberUrl: `http://127.0.0.1:${proberPort}`,
    stop,
    died: Promise.race(processes.map((p) => p.exited.then(() => p.name))),
    edgeProcessGroup: processes[1]!.child.pid!,
    statePath: persistTo,
  };
  try {
    await Promise.all([
      waitForHealthy(`${stack.proberUrl}/healthz`, processes[0]!, STARTUP_TIMEOUT_MS),
      waitForHealthy(`${stack.edgeUrl}/healthz`, processes[1]!, STARTUP_TIMEOUT_MS),
      ...moreProbers.map((extra, index) => waitForHealthy(`http://127.0.0.1:${extra.MAILVET_PROBER_PORT}/healthz`, processes[2 + index]!, STARTUP_TIMEOUT_MS)),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return stack;
}
