import { describe, expect, it } from "vitest";
import { mta } from "../smtp/testing/mta";
import { countOpenSessions } from "../smtp/testing/open-sessions";
import type { Responder, ScriptedSession } from "../smtp/testing/scripted-server";
import { probeRequest, useProbeHarness } from "./testing/probe-harness";

const harness = useProbeHarness();
const MX = ["mx1.example.org"];
const HOSTS = { "mx1.example.org": ["127.0.0.1"] };
const NOBODY = /^RCPT TO:<[0-9a-z]{20,}@example\.org>$/;
const rcpts = (commands: readonly string[]) => commands.filter((command) => command.startsWith("RCPT"));

/** An MTA that knows only these local parts and refuses the rest as unknown. */
const knowing = (...known: string[]) => mta({ rcpt: (address) => (known.includes(address.split("@")[0]!) ? "250 2.1.5 Ok" : "550 5.1.1 User unknown") });

/** Wraps a responder to count RCPTs per connection and remember the most any connection got. */
function countingRcptsPerSession(respond: Responder) {
  const perSession = new Map<ScriptedSession, number>();
  const counted = { most: 0 };
  const wrapped: Responder = (command, session) => {
    if (command.startsWith("RCPT")) {
      perSession.set(session, (perSession.get(session) ?? 0) + 1);
      counted.most = Math.max(counted.most, perSession.get(session)!);
    }
    return respond(command, session);
  };
  return { wrapped, counted, perSession };
}

describe("sessions at one host", () => {
  it("asks about every address of the domain in one session", async () => {
    const server = await harness.servers.start({ respond: knowing("alice", "bob") });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["alice@example.org", "bob@example.org", "ghost@example.org"]));
    expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "accepted", "mailbox_not_found"]);
    expect(server.connectionCount).toBe(1);
    expect(server.commands.filter((command) => command.startsWith("MAIL"))).toEqual(["MAIL FROM:<verify@probe.test>"]);
  });

  it("answers an address asked twice twice, from one RCPT", async () => {
    const server = await harness.servers.start({ respond: knowing("alice") });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["ghost@example.org", "ghost@example.org"]));
    expect(response!.results.map(({ address, reason }) => [address, reason])).toEqual([
      ["ghost@example.org", "mailbox_not_found"],
      ["ghost@example.org", "mailbox_not_found"],
    ]);
    expect(rcpts(server.commands)).toEqual(["RCPT TO:<ghost@example.org>"]);
  });

  it("sends Microsoft-hosted MX one RCPT per session", async () => {
    // Exchange Online answers a second RCPT in a session with 452 4.5.3.
    const base = mta();
    const { wrapped, counted } = countingRcptsPerSession((command, session) => base(command, session));
    const server = await harness.servers.start({ respond: wrapped });
    const host = "contoso-com.mail.protection.outlook.com";
    const { service } = harness.service(server.port, { [host]: ["127.0.0.1"] });
    const response = await service.probe(probeRequest([host], ["a@example.org", "b@example.org", "c@example.org"]));
    expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "accepted", "accepted"]);
    expect(counted.most).toBe(1);
    // Three addresses and the catch-all check: four sessions of one RCPT each.
    expect(server.connectionCount).toBe(4);
    expect(response!.catch_all).toBe(true);
  });

  it("asks again, in a session of its own, about an address refused as one recipient too many", async () => {
    const { wrapped: counting, perSession } = countingRcptsPerSession(mta());
    const server = await harness.servers.start({
      respond: (command, session) => {
        const reply = counting(command, session);
        return command.startsWith("RCPT") && perSession.get(session)! > 1 ? "452 4.5.3 Error: too many recipients" : reply;
      },
    });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["a@example.org", "b@example.org"]));
    expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "accepted"]);
    // The first session asked about a and b, then b again in a transaction of its own, which
    // taught the prober that this server takes one RCPT a session: b then got a session of its
    // own, and so did the catch-all check.
    expect(server.connectionCount).toBe(3);
  });

  it("keeps no more sessions open at one host than its limit, over concurrent requests", async () => {
    const sessions = countOpenSessions(mta());
    const server = await harness.servers.start({ respond: sessions.respond });
    const { service } = harness.service(server.port, HOSTS, { perHostSessions: 1 });
    const requests = ["a", "b", "c", "d"].map((local) => service.probe(probeRequest(MX, [`${local}@example.org`])));
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response!.results[0]!.reason)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    expect(sessions.most()).toBe(1);
  });

  it("keeps to the server's RCPT rate: what cannot be asked within the budget is timeout", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service } = harness.service(server.port, HOSTS, { hostRcptPerSecond: 1 });
    const response = await service.probe(probeRequest(MX, ["a@example.org", "b@example.org", "c@example.org"], { budget_ms: 500 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "timeout", "timeout"]);
    expect(rcpts(server.commands)).toEqual(["RCPT TO:<a@example.org>"]);
  });
});

describe("catch-all detection", () => {
  it("asks about an address nobody has after the real ones, in the same session, and reports a catch-all domain", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(response!.catch_all).toBe(true);
    // The server's answer stays the address's reason; catch_all carries the rest to the edge.
    expect(response!.results[0]!.reason).toBe("accepted");
    const sent = rcpts(server.commands);
    expect(sent[0]).toBe("RCPT TO:<alice@example.org>");
    expect(sent[1]).toMatch(NOBODY);
    expect(server.connectionCount).toBe(1);
  });

  it("reports a domain that refuses unknown addresses as not catch-all", async () => {
    const server = await harness.servers.start({ respond: knowing("alice") });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(response!.catch_all).toBe(false);
    expect(rcpts(server.commands)[1]).toMatch(NOBODY);
  });

  it("remembers the answer: a domain costs one extra RCPT per TTL", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service } = harness.service(server.port, HOSTS);
    await service.probe(probeRequest(MX, ["a@example.org"]));
    const again = await Promise.all([service.probe(probeRequest(MX, ["b@example.org"])), service.probe(probeRequest(MX, ["c@example.org"]))]);
    expect(again.map((response) => response!.catch_all)).toEqual([true, true]);
    expect(rcpts(server.commands).filter((command) => NOBODY.test(command))).toHaveLength(1);
  });

  it("shares one check between concurrent requests for a domain", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service } = harness.service(server.port, HOSTS);
    const responses = await Promise.all(["a", "b", "c"].map((local) => service.probe(probeRequest(MX, [`${local}@example.org`]))));
    expect(responses.map((response) => response!.catch_all)).toEqual([true, true, true]);
    expect(rcpts(server.commands).filter((command) => NOBODY.test(command))).toHaveLength(1);
  });

  it("learns 'not catch-all' for free from a real address refused as unknown", async () => {
    const server = await harness.servers.start({ respond: knowing("alice") });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["alice@example.org", "ghost@example.org"]));
    expect(response!.catch_all).toBe(false);
    expect(rcpts(server.commands).filter((command) => NOBODY.test(command))).toEqual([]);
  });

  it("does not ask when nothing was accepted, and says it does not know", async () => {
    const server = await harness.servers.start({
      respond: mta({ rcpt: () => "450 4.2.0 Greylisted, see http://postgrey.schweikert.ch/help/example.org.html" }),
    });
    const { service } = harness.service(server.port, HOSTS);
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(response!.results[0]).toMatchObject({ reason: "greylisted", retry_after: null });
    expect(response!.catch_all).toBeNull();
    expect(rcpts(server.commands)).toHaveLength(1);
  });
});
