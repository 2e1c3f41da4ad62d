import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDohResolver } from "../../../shared/dns/doh-resolver";
import { dnsPeerInstalled, startDnsPeer } from "./peer";

/** A process that has exited and been reaped has no /proc entry. */
const isAlive = (pid: number) => existsSync(`/proc/${pid}`);

describe.skipIf(!dnsPeerInstalled())("startDnsPeer", () => {
  it("serves the fixture zones over DoH on loopback, beside the run's own peer, and stops without a trace", async () => {
    const peer = await startDnsPeer();
    expect(peer.dohUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dns-query$/);
    expect(peer.pids.map(isAlive)).toEqual([true, true]);
    const resolver = createDohResolver({ upstreams: [peer.dohUrl] });
    expect(await resolver.lookup("health.mailvet-fixture.net", "A")).toMatchObject({ kind: "records" });
    await peer.stop();
    await peer.stop();
    expect(peer.pids.map(isAlive)).toEqual([false, false]);
    expect(await resolver.lookup("multi-mx.mailvet-fixture.net", "MX")).toMatchObject({ kind: "dns_error" });
  }, 30_000);
});
