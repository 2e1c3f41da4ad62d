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

  it("adds a run's own records to a fixture zone, where they win over its wildcard", async () => {
    const records = "wan-shop.bulk 300 IN MX 10 mx-wan-shop\nmx-wan-shop 300 IN A 127.0.2.7";
    const peer = await startDnsPeer({ zoneAdditions: { "mailvet-mta.net": records } });
    try {
      const resolver = createDohResolver({ upstreams: [peer.dohUrl] });
      expect(await resolver.lookup("wan-shop.bulk.mailvet-mta.net", "MX")).toMatchObject({
        kind: "records",
        records: [{ exchange: "mx-wan-shop.mailvet-mta.net" }],
      });
      expect(await resolver.lookup("mx-wan-shop.mailvet-mta.net", "A")).toMatchObject({ kind: "records", records: [{ address: "127.0.2.7" }] });
      expect(await resolver.lookup("other.bulk.mailvet-mta.net", "MX")).toMatchObject({ kind: "records", records: [{ exchange: "mx1.mailvet-mta.net" }] });
    } finally {
      await peer.stop();
    }
  }, 30_000);

  it("refuses records for a zone it does not serve", async () => {
    await expect(startDnsPeer({ zoneAdditions: { "example.org": "a 300 IN A 127.0.0.1" } })).rejects.toThrow("no fixture zone example.org");
  });
});
