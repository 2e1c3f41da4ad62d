import { describe, expect, it } from "vitest";
import type { OutputChoice } from "./args";
import { resultsCommand } from "./results-command";

const local = { url: "http://127.0.0.1:8787", key: undefined };
const csv = (keep: OutputChoice["keep"], path = "clean.csv"): OutputChoice => ({ path, format: "csv", keep });

describe("resultsCommand", () => {
  it("repeats the output, and the kept verdicts when they are not the default", () => {
    expect(resultsCommand("j1", csv(["deliverable"]), local, {})).toBe("mailvet results j1 -o clean.csv");
    expect(resultsCommand("j1", csv(["deliverable", "risky"]), local, {})).toBe("mailvet results j1 -o clean.csv --keep deliverable,risky");
    expect(resultsCommand("j1", csv("all"), local, {})).toBe("mailvet results j1 -o clean.csv --all");
  });

  it("names the API only when the environment would not", () => {
    const remote = { url: "https://mailvet.example.org", key: "k" };
    expect(resultsCommand("j1", csv("all"), remote, {})).toBe("mailvet results j1 -o clean.csv --all --api https://mailvet.example.org");
    expect(resultsCommand("j1", csv("all"), remote, { MAILVET_API: "https://mailvet.example.org/" })).toBe("mailvet results j1 -o clean.csv --all");
  });

  it("quotes what a shell would split or expand", () => {
    expect(resultsCommand("j1", csv("all", "my list's $HOME.csv"), local, {})).toBe("mailvet results j1 -o 'my list'\\''s $HOME.csv' --all");
  });
});
