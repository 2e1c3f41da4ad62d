import { describe, expect, it } from "vitest";
import { defendedMta } from "../smtp/testing/defended-mta";
import { mta } from "../smtp/testing/mta";
import { countOpenSessions } from "../smtp/testing/open-sessions";
import { probeRequest, useProbeHarness } from "./testing/probe-harness";

const harness = useProbeHarness();
const MX = ["mx1.example.org"];
const HOSTS = { "mx1.example.org": ["127.0.0.1"] };
const KNOWN = ["ann", "bob", "cai", "dee", "eve", "fay", "gus", "hal", "ivy", "jon"];

/** 10 mailboxes that exist and `unknown` that do not, the unknown ones first: the hardest order for error limits. */
function list(unknown: number): { addresses: string[]; expected: string[] } {
  const ghosts = Array.from({ length: unknown }, (_, index) => `ghost${index}@example.org`);
  const real = KNOWN.map((local) => `${local}@example.org`);
  return { addresses: [...ghosts, ...real], expected: [...ghosts.map(() => "mailbox_not_found"), ...real.map(() => "accepted")] };
}

describe("a prober that adapts to the server's defences", () => {
  it("keeps the answers a session got before the server dropped it for too many errors, and asks the rest in new sessions", { timeout: 60_000 }, async () => {
    const { respond, log } = defendedMta({ known: KNOWN, hardErrorLimit: 5 });
    const server = await harness.servers.start({ respond });
    const { service } = harness.service(server.port, HOSTS, { perHostSessions: 1 });
    const { addresses, expected } = list(20);
    const response = await service.probe(probeRequest(MX, addresses, { budget_ms: 20_000 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(expected);
    // One drop taught the prober the limit: no later session was dropped.
    expect(log.drops).toBe(1);
    const again = await service.probe(probeRequest(MX, list(20).addresses, { budget_ms: 20_000 }));
    expect(again!.results.map(({ reason }) => reason)).toEqual(expected);
    expect(log.drops).toBe(1);
  });

  it("moves to a fresh session before stock Postfix's error limits cost a second a reply", { timeout: 60_000 }, async () => {
    const { respond, log } = defendedMta({ known: KNOWN, softErrorLimit: 10, errorSleepMs: 1000, hardErrorLimit: 20 });
    const server = await harness.servers.start({ respond });
    const { service } = harness.service(server.port, HOSTS, { perHostSessions: 1 });
    const { addresses, expected } = list(40);
    const response = await service.probe(probeRequest(MX, addresses, { budget_ms: 20_000 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(expected);
    expect(log.slowReplies).toBe(0);
    expect(log.drops).toBe(0);
    expect(log.mostErrors).toBeLessThan(10);
  });

  it("learns a lower soft limit from replies that slow down, and keeps under it", { timeout: 60_000 }, async () => {
    const { respond, log } = defendedMta({ known: KNOWN, softErrorLimit: 3, errorSleepMs: 1100 });
    const server = await harness.servers.start({ respond });
    const { service } = harness.service(server.port, HOSTS, { perHostSessions: 1 });
    const { addresses, expected } = list(30);
    const response = await service.probe(probeRequest(MX, addresses, { budget_ms: 30_000 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(expected);
    // The first session met the sleeps; once learned, sessions end before them.
    expect(log.slowReplies).toBeLessThanOrEqual(9);
  });

  it("spreads the addresses over sessions at a server that tarpits its refusals", { timeout: 60_000 }, async () => {
    const sessions = countOpenSessions(defendedMta({ known: KNOWN, tarpitMs: 1100 }).respond);
    const server = await harness.servers.start({ respond: sessions.respond });
    const { service } = harness.service(server.port, HOSTS, { perHostSessions: 3 });
    const { addresses, expected } = list(6);
    const response = await service.probe(probeRequest(MX, addresses, { budget_ms: 20_000 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(expected);
    expect(sessions.most()).toBeGreaterThanOrEqual(2);
  });

  it("sizes transactions to a server's recipient limit once it has said '452 4.5.3'", async () => {
    const { respond, log } = defendedMta({ known: KNOWN, recipientLimit: 4 });
    const server = await harness.servers.start({ respond });
    const { service } = harness.service(server.port, HOSTS);
    const { addresses, expected } = list(8);
    const response = await service.probe(probeRequest(MX, addresses, { budget_ms: 20_000 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(expected);
    const refusedFirst = log.overLimit;
    expect(refusedFirst).toBeGreaterThan(0);
    const again = await service.probe(probeRequest(MX, list(8).addresses, { budget_ms: 20_000 }));
    expect(again!.results.map(({ reason }) => reason)).toEqual(expected);
    // The second request never met the limit: its transactions held at most four RCPTs.
    expect(log.overLimit).toBe(refusedFirst);
  });

  it("waits for a session at a server that refuses more connections, and never reads that 421 as greylisting", async () => {
    const server = await harness.servers.start({
      respond: mta({ rcpt: (address) => (address.startsWith("ghost") ? "550 5.1.1 User unknown" : "250 2.1.5 Ok") }),
      greeting: (open) => (open > 1 ? "421 4.7.0 mx-greylist.example.org Error: too many connections from 127.0.0.1\r\n" : "220 mx.test ESMTP\r\n"),
    });
    const { service } = harness.service(server.port, HOSTS, { perHostSessions: 3 });
    const requests = [0, 1, 2].map((index) => service.probe(probeRequest(MX, [`ann${index}@example.org`, `ghost${index}@example.org`], { budget_ms: 10_000 })));
    const responses = await Promise.all(requests);
    for (const response of responses) expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "mailbox_not_found"]);
  });

  it("asks again in a new session about the addresses a dropped connection left unanswered", async () => {
    let rcptsSeen = 0;
    const base = mta({ rcpt: (address) => (address.startsWith("ghost") ? "550 5.1.1 User unknown" : "250 2.1.5 Ok") });
    const server = await harness.servers.start({
      respond: (command, session) => {
        if (command.startsWith("RCPT") && ++rcptsSeen === 4) {
          session.end();
          return undefined;
        }
        return base(command, session);
      },
    });
    const { service } = harness.service(server.port, HOSTS);
    const addresses = ["a", "ghost1", "b", "c", "ghost2", "d"].map((local) => `${local}@example.org`);
    const response = await service.probe(probeRequest(MX, addresses, { budget_ms: 10_000 }));
    expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "mailbox_not_found", "accepted", "accepted", "mailbox_not_found", "accepted"]);
    expect(server.connectionCount).toBeGreaterThanOrEqual(2);
  });
});

describe("one mail server behind many names", () => {
  it("opens no more sessions to one address than its limit, however many MX names point at it", async () => {
    const sessions = countOpenSessions(mta());
    const server = await harness.servers.start({ respond: sessions.respond });
    const names = Array.from({ length: 12 }, (_, index) => `mx${index}.victim-${index}.example`);
    const { service } = harness.service(server.port, Object.fromEntries(names.map((name) => [name, ["127.0.0.1"]])), { perHostSessions: 2 });
    const responses = await Promise.all(
      names.map((name, index) => service.probe(probeRequest([name], [`a${index}@example.org`, `b${index}@example.org`], { budget_ms: 10_000 }))),
    );
    for (const response of responses) expect(response!.results.map(({ reason }) => reason)).toEqual(["accepted", "accepted"]);
    expect(sessions.most()).toBeLessThanOrEqual(2);
  });
});
