import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./args";
import { CliError, EXIT } from "./exit-codes";
import { formatSuppression } from "./suppressions-command";

const api = { url: "http://127.0.0.1:8787", key: undefined };
const parse = (...argv: string[]) => parseCommandLine(["suppressions", ...argv], {});
const usageErrorOf = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    return (error as CliError).message;
  }
  throw new Error("no usage error");
};

describe("mailvet suppressions", () => {
  it("reads list, add, remove and export with their options", () => {
    expect(parse("list", "--kind", "Hard", "--json")).toEqual({ name: "suppressions", api, json: true, action: "list", kind: "hard" });
    expect(parse("add", "ann@example.org", "--kind", "hard", "--status", "5.1.1")).toEqual({
      name: "suppressions",
      api,
      json: false,
      action: "add",
      address: "ann@example.org",
      kind: "hard",
      reason: "user_unknown",
      status: "5.1.1",
    });
    expect(parse("add", "ann@example.org", "--kind", "complaint")).toMatchObject({ reason: "complaint" });
    expect(parse("remove", "ann@example.org")).toMatchObject({ action: "remove", address: "ann@example.org" });
    expect(parse("export", "-o", "list.csv", "--kind", "soft")).toMatchObject({ action: "export", output: "list.csv", kind: "soft" });
  });

  it("refuses what it cannot do, saying why", () => {
    expect(usageErrorOf()).toContain("list|add|remove|export");
    expect(usageErrorOf("purge")).toContain('unknown suppressions action "purge"');
    expect(usageErrorOf("add", "ann@example.org")).toContain("--kind");
    expect(usageErrorOf("list", "--kind", "bouncy")).toContain('not "bouncy"');
    expect(usageErrorOf("remove")).toContain("missing address");
    expect(usageErrorOf("export")).toContain("-o");
  });

  it("prints an entry on one line", () => {
    const entry = {
      address: "ann@example.org",
      kind: "hard",
      reason: "user_unknown",
      status: "5.1.1",
      diagnostic: null,
      source: "ses",
      first_seen: "x",
      last_seen: "2026-12-01T10:00:00.000Z",
      count: 2,
    } as const;
    expect(formatSuppression(entry)).toBe("ann@example.org  hard  user_unknown 5.1.1  last 2026-12-01T10:00:00.000Z  ×2");
  });
});
