import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { variables, type VariableName } from "./variables";

/** The rows of the README's "Settings" table: variable, who uses it, meaning, default. */
function readmeSettingsRows(): Map<string, { users: string; meaning: string; default: string }> {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("\n## Settings\n"), readme.indexOf("\n## ", readme.indexOf("\n## Settings\n") + 1));
  const rows = new Map<string, { users: string; meaning: string; default: string }>();
  for (const line of section.split("\n")) {
    const cells = /^\| `(MAILVET_\w+)` \| (.*) \| (.*) \| (.*) \|$/.exec(line);
    if (cells) rows.set(cells[1]!, { users: cells[2]!, meaning: cells[3]!, default: cells[4]! });
  }
  return rows;
}

/** How the README writes a variable's default. */
function readmeDefault(name: VariableName): string {
  const entry = variables[name];
  if (entry.readmeDefault !== undefined) return entry.readmeDefault;
  if (typeof entry.default === "boolean") return entry.default ? "on" : "off";
  return String(entry.default);
}

describe("the README's settings table", () => {
  const rows = readmeSettingsRows();

  it("finds the table", () => {
    expect(rows.size).toBeGreaterThan(0);
  });

  it("lists every variable there is, and no other", () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(variables).sort());
  });

  it.each(Object.keys(variables) as VariableName[])("states %s's users, meaning and default as the code has them", (name) => {
    const entry = variables[name];
    expect(rows.get(name)).toEqual({ users: entry.users.join(", "), meaning: entry.meaning, default: readmeDefault(name) });
  });
});
