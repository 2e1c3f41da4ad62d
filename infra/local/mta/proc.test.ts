import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { childrenOf, processesWorkingIn } from "./proc";

describe("processesWorkingIn and childrenOf", () => {
  it("find a process by the directory it works in and by its parent, until it is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mailvet-proc-"));
    const child = spawn("sleep", ["300"], { cwd: dir });
    await once(child, "spawn");
    expect(await processesWorkingIn(dir)).toEqual([child.pid]);
    expect(await processesWorkingIn(`${dir}-other`)).toEqual([]);
    expect(childrenOf(process.pid)).toContain(child.pid);
    child.kill();
    await once(child, "exit");
    expect(await processesWorkingIn(dir)).toEqual([]);
    expect(childrenOf(child.pid)).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});
