import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDohResolver } from "../../../shared/dns/doh-resolver";
import { dnsPeerInstalled, startDnsPeer } from "./peer";

/** Processes whose command line names a peer's temporary config directory. */
function peerProcesses(): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      } catch {
        return "";
      }
    })
    .filter((command) => command.includes("mailvet-dns-"));
}

describe.skipIf(!dnsPeerInstalled())("startDnsPeer", () => {
  it("serves the fixture zones over DoH on loopback, beside the run's own peer, and stops without a trace", async () => {
    const before = peerProcesses().length;
    const peer = await startDnsPeer();
    expect(peer.dohUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dns-query$/);
    expect(peerProcesses().length).toBe(before + 2);
    const resolver = createDohResolver({ upstreams: [peer.dohUrl] });
    expect(await resolver.lookup("health.mailvet-fixture.net", "A")).toMatchObject({ kind: "records" });
    await peer.stop();
    await peer.stop();
    expect(peerProcesses().length).toBe(before);
    expect(await resolver.lookup("multi-mx.mailvet-fixture.net", "MX")).toMatchObject({ kind: "dns_error" });
  }, 30_000);
});
