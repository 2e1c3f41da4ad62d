import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

const MAX_OUTPUT = 16_384;

/** A server process started in the foreground as a child of this process. */
export interface Daemon {
  /** The process id (setpriv execs into the command, so it is the command's). */
  readonly pid: number | undefined;
  /** Settles with the exit code (null when killed by a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  /** The last 16 KiB of what it wrote to stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it is still there after the grace time; resolves when it is gone. */
  stop(): Promise<void>;
}

/**
 * The path of an executable on PATH or in the sbin directories (where Debian puts unbound,
 * and which a non-login PATH may lack); undefined when it is not installed.
 *
 * @example
 * findExecutable("unbound"); // "/usr/sbin/unbound"
 */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/local/sbin", "/usr/sbin", "/sbin"];
  return dirs
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(isExecutable);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `command` in the foreground. It runs under `setpriv --pdeathsig KILL`, so the kernel
 * kills it if this process dies without stopping it (a crashed or killed test runner leaves
 * no orphan behind). `stop()` waits `stopGraceMs` (default 3 s) after SIGTERM before SIGKILL.
 *
 * @example
 * const unbound = startDaemon("/usr/sbin/unbound", ["-d", "-c", "unbound.conf"]);
 * await unbound.stop();
 */
export function startDaemon(command: string, args: readonly string[], { stopGraceMs = 3000 } = {}): Daemon {
  const child = spawn("setpriv", ["--pdeathsig", "KILL", "--", command, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-MAX_OUTPUT));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      collect(Buffer.from(`${error.message}\n`));
      resolve(null);
    });
  });
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    pid: child.pid,
    exited,
    output: () => output,
    async stop() {
      if (gone) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), stopGraceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
