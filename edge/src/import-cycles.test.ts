/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

/** Every module of edge/src, by path, as text (vite reads them at build time: workerd has no file system). */
const SOURCES = import.meta.glob<string>(["./**/*.ts", "!./**/*.test.ts"], { query: "?raw", import: "default", eager: true });

/** Relative imports that load a module at run time: `import type` and `export type` are erased. */
const RUNTIME_IMPORT = /^(?:import|export)\s+(?!type\s)[^;]*?from\s+"(\.{1,2}\/[^"]+)"|^import\s+"(\.{1,2}\/[^"]+)"/gm;

function resolve(from: string, specifier: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return `${parts.join("/")}.ts`;
}

/**
 * A chain of modules that import one another at run time, first module repeated at the end, or
 * null. Only modules in `sources` count (imports of shared/ leave it).
 */
function findCycle(sources: Record<string, string>): string[] | null {
  const imports = new Map(
    Object.entries(sources).map(([path, text]) => [
      path,
      [...text.matchAll(RUNTIME_IMPORT)].map((m) => resolve(path, (m[1] ?? m[2])!)).filter((to) => to in sources),
    ]),
  );
  const done = new Set<string>();
  const visit = (path: string, chain: string[]): string[] | null => {
    if (chain.includes(path)) return [...chain.slice(chain.indexOf(path)), path];
    if (done.has(path)) return null;
    for (const next of imports.get(path) ?? []) {
      const cycle = visit(next, [...chain, path]);
      if (cycle) return cycle;
    }
    done.add(path);
    return null;
  };
  for (const path of imports.keys()) {
    const cycle = visit(path, []);
    if (cycle) return cycle;
  }
  return null;
}

describe("edge/src's imports", () => {
  it("form no cycle", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    expect(findCycle(SOURCES)).toBeNull();
  });

  it("are read the way the check needs: a value import is a cycle, a type import is not", () => {
    const a = 'import { b } from "./jobs/b";\nexport const a = 1;';
    expect(findCycle({ "./a.ts": a, "./jobs/b.ts": 'import { a } from "../a";' })).toEqual(["./a.ts", "./jobs/b.ts", "./a.ts"]);
    expect(findCycle({ "./a.ts": a, "./jobs/b.ts": 'import type { A } from "../a";' })).toBeNull();
    expect(findCycle({ "./a.ts": 'export { b } from "./b";', "./b.ts": 'import {\n  a,\n} from "./a";' })).toEqual(["./a.ts", "./b.ts", "./a.ts"]);
  });
});
