import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { assertPortFree, startProcess, waitForHealthy } from "./processes";

describe("assertPortFree", () => {
  it("passes for a free port and names the setting of a busy one", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await expect(assertPortFree(port, "MAILVET_EDGE_PORT")).rejects.toThrow(`port ${port} (MAILVET_EDGE_PORT) is already in use`);
    await new Promise((resolve) => server.close(resolve));
    await expect(assertPortFree(port, "MAILVET_EDGE_PORT")).resolves.toBeUndefined();
  });
});

/** Processes of a group that still run (zombies waiting for a reaper do not count). */
function liveProcessesIn(processGroup: number): number {
  let live = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(fields[2]) === processGroup && fields[0] !== "Z") live++;
    } catch {
      // Gone while we looked.
    }
  }
  return live;
}

describe("startProcess", () => {
  it("stops the whole process group, children included", async () => {
    // A shell that starts a grandchild and waits: stopping must take both.
    const managed = startProcess("sleeper", "sh", ["-c", "sleep 300 & wait"], process.env);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(liveProcessesIn(managed.child.pid!)).toBe(2);
    await managed.stop(2_000);
    expect(liveProcessesIn(managed.child.pid!)).toBe(0);
  });

  it("reports a process that exits before it is healthy", async () => {
    const managed = startProcess("quitter", "sh", ["-c", "exit 3"], process.env);
    await expect(waitForHealthy("http://127.0.0.1:9/healthz", managed, 10_000)).rejects.toThrow(/quitter exited/);
  });
});
