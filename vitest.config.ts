import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** D1's migrations (wrangler.toml's migrations_dir), which edge/test/apply-migrations.ts applies. */
const d1Migrations = await readD1Migrations(new URL("edge/migrations", import.meta.url).pathname);

/**
 * Four kinds of suite: code that must run in workerd (the edge) runs there through the
 * Workers plugin; runtime-agnostic and Node code runs in Node; end-to-end and browser
 * suites start the real processes and peers (and Chromium). `npm test` runs the first two,
 * `npm run test:all` all four.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["shared/**/*.test.ts", "prober/**/*.test.ts", "infra/**/*.test.ts", "cli/**/*.test.ts", "tools/**/*.test.ts"],
          // The local DNS peer (unbound behind dnsdist, skipped where not installed) and stub
          // DoH upstreams, once per run; tests read their URLs with inject().
          globalSetup: ["infra/local/dns/global-setup.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["infra/local/dns/global-setup.ts"],
          // Each file starts real processes on fixed loopback ports.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["infra/local/dns/global-setup.ts"],
          // Each file starts the real stack on fixed loopback ports and drives Chromium.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            // The edge asks the local DNS peer; where it is missing, an address nothing listens
            // on, so no test can ever reach a public resolver.
            miniflare: {
              // The suites' webhooks are on loopback (edge/src/jobs/results/webhook-target.test.ts turns this off).
              bindings: {
                MAILVET_DOH_URL: inject("dnsPeerUrl") ?? "http://127.0.0.1:9/dns-query",
                MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: "1",
                TEST_MIGRATIONS: d1Migrations,
              },
              // wrangler.toml's limits, raised so no suite reaches them by accident, and two small
              // ones that edge/src/middleware/rate-limit.test.ts puts in their place.
              ratelimits: {
                RATE_LIMIT_PER_KEY: { namespace_id: "1001", simple: { limit: 100000, period: 60 } },
                RATE_LIMIT_PER_CLIENT: { namespace_id: "1002", simple: { limit: 100000, period: 60 } },
                SMALL_RATE_LIMIT_PER_KEY: { namespace_id: "9001", simple: { limit: 40, period: 60 } },
                SMALL_RATE_LIMIT_PER_CLIENT: { namespace_id: "9002", simple: { limit: 20, period: 60 } },
              },
            },
          })),
        ],
        test: {
          name: "edge",
          include: ["edge/**/*.test.ts"],
          setupFiles: ["edge/test/apply-migrations.ts"],
          globalSetup: ["infra/local/dns/global-setup.ts"],
        },
      },
    ],
  },
});
