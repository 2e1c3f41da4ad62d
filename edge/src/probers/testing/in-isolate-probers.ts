import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { vi } from "vitest";
import { requireHopSignature } from "../../../../shared/hop/hono-middleware";
import { edgeSettings, type Env } from "../../env";

export const TEST_HOP_SECRET = "edge-in-isolate-hop-key-0123456789abcdef";

/** A prober for a test: its region, and the routes behind its real hop middleware. */
export interface TestProber {
  region: string;
  routes: (app: Hono) => void;
}

/**
 * Probers in this isolate: each is the real hop middleware (signed requests in, signed answers
 * out) on its own host in front of the routes the test gives it, reached by routing fetch to it;
 * any other fetch (the DNS peer) goes out as before. Returns the Worker's env with them as its
 * MAILVET_PROBERS, in the given order, and its settings. Undo with `vi.unstubAllGlobals()`.
 *
 * @example
 * const { env, settings } = inIsolateProbers({ eu1: { region: "eu", routes: (app) => app.get("/v1/doctor", (c) => c.json(report)) } });
 */
export function inIsolateProbers(probers: Record<string, TestProber>) {
  const entries = Object.entries(probers).map(([id, { region }]) => ({ id, region, url: `https://${id}.probers.example` }));
  const apps = new Map(
    entries.map(({ id, url }) => {
      const app = new Hono();
      app.use("/v1/*", requireHopSignature({ secrets: [TEST_HOP_SECRET], host: new URL(url).host }));
      probers[id]!.routes(app);
      return [new URL(url).host, app] as const;
    }),
  );
  const outside = globalThis.fetch;
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    return apps.get(new URL(request.url).host)?.fetch(request) ?? outside(request);
  });
  const proberEnv: Env = { ...env, MAILVET_PROBERS: JSON.stringify(entries), MAILVET_PROBER_SECRET: TEST_HOP_SECRET };
  return { env: proberEnv, settings: edgeSettings(proberEnv) };
}
