import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findExecutable, startDaemon } from "./daemon";

/** A process that has exited and been reaped has no /proc entry. */
const isAlive = (pid: number) => existsSync(`/proc/${pid}`);

describe("findExecutable", () => {
  it("finds commands on PATH and says undefined for missing ones", () => {
    expect(findExecutable("sh")).toMatch(/\/sh$/);
    expect(findExecutable("no-such-command-mailvet")).toBeUndefined();
  });
});

describe("startDaemon", () => {
  it("stops a process that ignores SIGTERM too", async () => {
    const daemon = startDaemon("sh", ["-c", "trap '' TERM; echo ready; while :; do sleep 1; done"], { stopGraceMs: 100 });
    await expect.poll(() => daemon.output()).toContain("ready");
    await daemon.stop();
    expect(isAlive(daemon.pid!)).toBe(false);
    await daemon.stop();
  }, 20_000);

  it("reports a command that cannot start", async () => {
    const daemon = startDaemon("/nonexistent/mailvet-daemon", []);
    expect(await daemon.exited).not.toBe(0);
    expect(daemon.output()).not.toBe("");
  });

  it("leaves no orphan when the process that started it is killed", async () => {
    const daemonModule = fileURLToPath(new URL("./daemon.ts", import.meta.url));
    const script = `const { startDaemon } = await import(${JSON.stringify(daemonModule)}); console.log(startDaemon("sleep", ["300"]).pid);`;
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const pid = await new Promise<number>((resolve) => parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString()))));
    expect(isAlive(pid)).toBe(true);
    parent.kill("SIGKILL");
    await expect.poll(() => isAlive(pid), { timeout: 10_000 }).toBe(false);
  }, 20_000);
});
