import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { ProbeResponse } from "../../shared/contract/probe";
import { signRequest } from "../../shared/hop";
import { createProberApp } from "./app";
import { probeRequest, useProbeHarness } from "./probe/testing/probe-harness";
import { stopGracefully } from "./shutdown";
import { mta } from "./smtp/testing/mta";

const KEY = "prober-test-key-0123456789abcdef";
const harness = useProbeHarness();

async function listening(server: ServerType): Promise<string> {
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("stopGracefully", () => {
  it("answers the probe in flight (cut short after the grace period), then closes the server", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const { service } = harness.service(tarpit.port, { "mx1.example.org": ["127.0.0.1"] });
    // The app needs the host it is reached by, known once the server listens.
    let app: ReturnType<typeof createProberApp> | undefined;
    const server = serve({ fetch: (request) => app!.fetch(request), hostname: "127.0.0.1", port: 0 });
    const base = await listening(server);
    app = createProberApp({ secrets: [KEY], host: new URL(base).host, service });
    const body = JSON.stringify(probeRequest(["mx1.example.org"], ["alice@example.org"], { budget_ms: 60_000 }));
    const inFlight = fetch(await signRequest(new Request(`${base}/v1/probe`, { method: "POST", body }), [KEY]));
    await expect.poll(() => service.inFlight).toBe(1);

    await stopGracefully(server, service, 100);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as ProbeResponse).results[0]!.reason).toBe("timeout");
    expect(server.listening).toBe(false);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
