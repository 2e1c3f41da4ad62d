import { describe, expect, inject, it } from "vitest";
import type { ProbeResponse } from "../../shared/contract/probe";
import type {} from "../../shared/dns/testing/provided-context";
import { signRequest } from "../../shared/hop";
import { freeLoopbackPort } from "../../infra/local/dns/free-port";
import { startProcess, waitForHealthy } from "../../infra/local/processes";
import { probeRequest, useProbeHarness } from "./probe/testing/probe-harness";
import { mta } from "./smtp/testing/mta";

const KEY = "prober-test-key-0123456789abcdef";
const harness = useProbeHarness();
/** The fixture zone of the local DNS peer gives this MX host the address 127.0.0.11. */
const MX_HOST = "mx1.multi-mx.mailvet-fixture.net";

describe("the prober process", () => {
  it.skipIf(!inject("dnsPeerUrl"))("on SIGTERM finishes the probe in flight, answers it, and exits 0", { timeout: 30_000 }, async () => {
    let prober: ReturnType<typeof startProcess> | undefined;
    const base = mta({ extensions: [] });
    const server = await harness.servers.start({
      respond: (command, session) => {
        if (command !== "RCPT TO:<alice@multi-mx.mailvet-fixture.net>") return base(command, session);
        // The probe is in flight: stop the prober now, and answer a little later.
        void prober!.child.kill("SIGTERM");
        setTimeout(() => session.write("250 2.1.5 Ok\r\n"), 300);
        return undefined;
      },
    });
    await harness.alias("127.0.0.11", server.port, server);
    const port = await freeLoopbackPort();
    prober = startProcess("prober", process.execPath, ["--import", "tsx", "prober/src/main.ts"], {
      ...process.env,
      MAILVET_PROBER_PORT: String(port),
      MAILVET_PROBER_SECRET: KEY,
      MAILVET_DOH_URL: inject("dnsPeerUrl")!,
      MAILVET_SMTP_PORT: String(server.port),
      MAILVET_ALLOW_PRIVATE_TARGETS: "1",
      MAILVET_HELO_NAME: "probe.test",
    });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}/healthz`, prober, 20_000);
      const body = JSON.stringify(
        probeRequest([MX_HOST], ["alice@multi-mx.mailvet-fixture.net"], { domain: "multi-mx.mailvet-fixture.net", budget_ms: 10_000 }),
      );
      const response = await fetch(await signRequest(new Request(`http://127.0.0.1:${port}/v1/probe`, { method: "POST", body }), [KEY]));
      expect(response.status).toBe(200);
      expect(((await response.json()) as ProbeResponse).results[0]).toMatchObject({ reason: "accepted", host: MX_HOST });
      expect(await prober.exited).toBe(0);
    } finally {
      await prober.stop(1000);
    }
  });
});
