import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** A child process of the local stack, started in its own process group. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM to the whole group, then SIGKILL after `graceMs` if it is still there. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a command in its own process group, so stopping it also stops what it spawned
 * (wrangler runs workerd as a child of its own). Output goes to this process's stdio,
 * each line prefixed with the name.
 *
 * @example
 * const prober = startProcess("prober", process.execPath, ["--import", "tsx", "prober/src/main.ts"], env);
 * await prober.stop();
 */
export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): ManagedProcess {
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | NodeJS.Signals);
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  return {
    name,
    child,
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // Whatever the leader left behind in its group goes too.
      signalGroup("SIGKILL");
    },
  };
}

/**
 * Polls `url` until it answers 200, the process exits, or `timeoutMs` passes.
 *
 * @example
 * await waitForHealthy("http://127.0.0.1:8788/healthz", prober, 30_000);
 */
export async function waitForHealthy(url: string, process_: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void process_.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${process_.name} exited before it became healthy`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${process_.name} did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Fails when something already listens on a loopback port, so a stale instance can never
 * answer a health check in place of the one being started.
 *
 * @example
 * await assertPortFree(8787, "MAILVET_EDGE_PORT");
 */
export async function assertPortFree(port: number, setting: string): Promise<void> {
  const server = createServer();
  server.listen(port, "127.0.0.1");
  // One listener for each outcome: events.once would reject on "error" instead of reporting it.
  const outcome = await new Promise<"free" | "busy">((resolve) => {
    server.once("listening", () => resolve("free"));
    server.once("error", () => resolve("busy"));
  });
  server.close();
  if (outcome === "busy") throw new Error(`port ${port} (${setting}) is already in use on 127.0.0.1; stop what holds it or choose another port`);
}
