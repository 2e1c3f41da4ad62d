import { afterEach, describe, expect, it, vi } from "vitest";
import { ProbeResponseSchema } from "../../../shared/contract/probe";
import { mta } from "../smtp/testing/mta";
import { ProbeRefused } from "./admission";
import { probeRequest, useProbeHarness } from "./testing/probe-harness";

const harness = useProbeHarness();
const MX = ["mx1.example.org"];
const HOSTS = { "mx1.example.org": ["127.0.0.1"] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createProbeService", () => {
  it("answers in the contract's shape, one result per address in the request's order", async () => {
    const server = await harness.servers.start({
      respond: mta({ rcpt: (address) => (address.startsWith("ghost") ? "550 5.1.1 User unknown" : "250 2.1.5 Ok") }),
    });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["ghost@example.org", "alice@example.org"]));
    expect(ProbeResponseSchema.parse(response)).toEqual(response);
    expect(response).toMatchObject({ prober: "probe.test", catch_all: false });
    expect(response!.results.map(({ address, class: replyClass }) => [address, replyClass])).toEqual([
      ["ghost@example.org", "mailbox_not_found"],
      ["alice@example.org", "accepted"],
    ]);
  });

  it("does not probe consumer Yahoo/AOL MX at all, and answers catch_all", async () => {
    const { service, attempts, resolver } = harness.service(25, {});
    const response = await service.probe(probeRequest(["mta6.am0.yahoodns.net", "mta7.am0.yahoodns.net"], ["alice@example.org"]));
    expect(response!.catch_all).toBe(true);
    expect(response!.results[0]).toMatchObject({ reason: "catch_all", class: null, code: null, host: "mta6.am0.yahoodns.net" });
    expect(attempts).toEqual([]);
    expect(resolver.lookups).toEqual([]);
  });

  it("counts the block replies it meets for the doctor, once per host and reply, and not other refusals", async () => {
    const server = await harness.servers.start({
      respond: mta({
        rcpt: (address) =>
          address.startsWith("ghost") ? "550 5.1.1 User unknown" : "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org",
      }),
    });
    const { service } = harness.service(server.port, HOSTS);
    await service.probe(probeRequest(MX, ["alice@example.org", "bob@example.org", "ghost@example.org"]));
    expect(service.blockReplies.counts()).toEqual([
      { provider: "example.org", count: 1, domains: 1, sample: "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org" },
    ]);
  });

  it("returns the transcript only when asked for it", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service } = harness.service(server.port, HOSTS);
    const without = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(without).not.toHaveProperty("transcript");
    const withIt = await service.probe(probeRequest(MX, ["alice@example.org"], { transcript: true }));
    expect(withIt!.transcript![0]).toMatch(new RegExp(`^\\[\\d+ ms\\] note: connected to 127\\.0\\.0\\.1 port ${server.port}$`));
    expect(withIt!.transcript!.some((line) => line.endsWith("client: RCPT TO:<alice@example.org>"))).toBe(true);
  });

  it("logs the domain, counts and the edge's request id, never an address", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const server = await harness.servers.start({ respond: mta() });
    const { service } = harness.service(server.port, HOSTS);
    await service.probe(probeRequest(MX, ["alice.secret@example.org"], { transcript: true, request_id: "8f1e2d3c4b5a6978-AMS" }));
    const logged = log.mock.calls.flat().join("\n");
    expect(JSON.parse(logged)).toMatchObject({
      level: "info",
      msg: "probe",
      request_id: "8f1e2d3c4b5a6978-AMS",
      domain: "example.org",
      addresses: 1,
      reasons: { accepted: 1 },
    });
    expect(logged).not.toContain("alice.secret");
  });

  it("refuses at once beyond its limit of probes in flight, and never queues", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const { service } = harness.service(tarpit.port, HOSTS, { maxSessions: 1 });
    const first = service.probe(probeRequest(MX, ["alice@example.org"], { budget_ms: 60_000 }));
    expect(service.inFlight).toBe(1);
    await expect(service.probe(probeRequest(MX, ["bob@example.org"]))).rejects.toEqual(new ProbeRefused("full"));
    await service.shutdown(0);
    expect((await first)!.results[0]!.reason).toBe("timeout");
  });

  it("on shutdown lets a probe in flight finish within the grace period", async () => {
    // Without PIPELINING, so the held RCPT reply is the only one outstanding.
    let answer: (() => void) | undefined;
    const base = mta({ extensions: [] });
    const slow = await harness.servers.start({
      respond: (command, session) => {
        if (command !== "RCPT TO:<alice@example.org>") return base(command, session);
        answer = () => session.write("250 2.1.5 Ok\r\n");
        return undefined;
      },
    });
    const { service } = harness.service(slow.port, HOSTS);
    const probing = service.probe(probeRequest(MX, ["alice@example.org"], { budget_ms: 60_000 }));
    await vi.waitFor(() => expect(answer).toBeDefined());
    const stopped = service.shutdown(60_000);
    expect(service.stopping).toBe(true);
    await expect(service.probe(probeRequest(MX, ["bob@example.org"]))).rejects.toEqual(new ProbeRefused("closed"));
    answer!();
    expect((await probing)!.results[0]!.reason).toBe("accepted");
    await stopped;
  });

  it("on shutdown cuts a probe short after the grace period: it answers timeout, it does not hang", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const { service } = harness.service(tarpit.port, HOSTS);
    const probing = service.probe(probeRequest(MX, ["alice@example.org", "bob@example.org"], { budget_ms: 60_000 }));
    await service.shutdown(50);
    expect((await probing)!.results.map(({ reason }) => reason)).toEqual(["timeout", "timeout"]);
    expect(service.inFlight).toBe(0);
  });
});
