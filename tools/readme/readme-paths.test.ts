import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

/** Top-level folders of the repo: a backticked name starting with one of them is a path the README promises. */
const TOP = ["edge", "prober", "shared", "infra", "test", "cli", "web", "tools", ".ci"];

/**
 * Every repo path the README names in backticks (`shared/dns/`, `prober/src/probe/politeness.ts`),
 * less what the build and the browser suites make (`web/dist`, screenshots) and names with wildcards or placeholders.
 */
function namedPaths(text: string): string[] {
  const names = [...text.matchAll(/`([^`\s]+)`/g)].map(([, name]) => name!.replace(/[.,:;)]+$/, ""));
  return [...new Set(names.filter((name) => TOP.some((top) => name.startsWith(`${top}/`)) && !/[*<>{}…]|web\/dist|test\/browser\/screenshots/.test(name)))];
}

describe("the README", () => {
  it("names only paths that exist", () => {
    const paths = namedPaths(readme);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(new URL(path, root)))).toEqual([]);
  });
});
