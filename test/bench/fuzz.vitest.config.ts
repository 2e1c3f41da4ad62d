import { defineConfig } from "vitest/config";

/**
 * The fuzz step's own vitest configuration (fuzz.ts passes the files): the property tests in
 * Node, each fast-check run counted by fuzz-counter.ts, with no time limit per test, since
 * 100,000 inputs take far longer than a test's usual five seconds.
 */
export default defineConfig({
  test: {
    environment: "node",
    include: ["shared/**/*.test.ts", "prober/**/*.test.ts"],
    setupFiles: ["test/bench/fuzz-counter.ts"],
    testTimeout: 0,
  },
});
