import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logTail } from "./log-tail";

describe("logTail", () => {
  it("gives the end of a growing file, and nothing for a missing one", () => {
    const dir = mkdtempSync(join(tmpdir(), "mailvet-log-tail-"));
    const log = join(dir, "maillog");
    expect(logTail(log)).toBe("");
    appendFileSync(log, "first line\n");
    expect(logTail(log)).toBe("first line\n");
    appendFileSync(log, "second line\n");
    expect(logTail(log, 12)).toBe("second line\n");
    rmSync(dir, { recursive: true });
  });
});
