import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Two kinds of suite: code that must run in workerd (the edge) runs there through the
 * Workers plugin; runtime-agnostic and Node code runs in Node.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["shared/**/*.test.ts", "prober/**/*.test.ts", "infra/**/*.test.ts", "test/node/**/*.test.ts"],
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "edge",
          include: ["edge/**/*.test.ts"],
        },
      },
    ],
  },
});
