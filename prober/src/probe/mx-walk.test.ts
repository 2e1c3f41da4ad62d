import { describe, expect, it } from "vitest";
import { SmtpError } from "../smtp/smtp-error";
import { resultFromFailure, resultFromReply } from "../smtp/recipient-result";
import { mta } from "../smtp/testing/mta";
import { movesOn } from "./mx-walk";
import { probeRequest, useProbeHarness } from "./testing/probe-harness";

const harness = useProbeHarness();
const MX = ["mx1.example.org", "mx2.example.org"];
const reasons = (response: { results: { reason: string }[] } | null) => response!.results.map((result) => result.reason);

describe("movesOn", () => {
  const failure = (code: ConstructorParameters<typeof SmtpError>[0]) =>
    resultFromFailure("a@example.org", new SmtpError(code, "", { command: "CONNECT", stage: "connect" }));
  const reply = (code: number, enhanced: string, text: string) => resultFromReply("a@example.org", { code, enhanced, lines: [text], text }, "rcpt");

  it.each([
    ["a refused connection", failure("ECONNECTION"), true],
    ["a greeting that never came", failure("ETIMEDOUT_GREETING"), true],
    ["a disconnect", failure("EDISCONNECTED"), true],
    ["a 421", reply(421, "4.3.2", "Service shutting down"), true],
    ["relay access denied", reply(554, "5.7.1", "Relay access denied"), false],
    ["a block of our IP", reply(554, "5.7.1", "Client host blocked using zen.spamhaus.org"), false],
    ["the deadline", failure("ETIMEDOUT_DEADLINE"), false],
    ["a mailbox that does not exist", reply(550, "5.1.1", "User unknown"), false],
    ["a full mailbox", reply(552, "5.2.2", "Mailbox full"), false],
    ["greylisting", reply(450, "4.2.0", "Greylisted, see http://postgrey.schweikert.ch/help/example.org.html"), false],
    ["an acceptance", reply(250, "2.1.5", "Ok"), false],
  ])("after %s: %s", (_, result, expected) => {
    expect(movesOn(result)).toBe(expected);
  });
});

describe("the MX walk", () => {
  it("goes on to the second host when the first refuses the connection", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service, attempts } = harness.service(server.port, { "mx1.example.org": ["127.0.0.3"], "mx2.example.org": ["127.0.0.1"] });
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(reasons(response)).toEqual(["accepted"]);
    expect(response!.results[0]!.host).toBe("mx2.example.org");
    expect(attempts.map(({ ip }) => ip)).toEqual(["127.0.0.3", "127.0.0.1"]);
  });

  it("goes on to the next host after a 421 greeting", async () => {
    const closing = await harness.servers.start({ greeting: "421 4.3.2 mx1 Service not available, closing channel\r\n", respond: mta() });
    const good = await harness.servers.start({ respond: mta() });
    await harness.alias("127.0.0.2", closing.port, good);
    const { service } = harness.service(closing.port, { "mx1.example.org": ["127.0.0.1"], "mx2.example.org": ["127.0.0.2"] });
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(reasons(response)).toEqual(["accepted"]);
    expect([closing.connectionCount, good.connectionCount]).toEqual([1, 1]);
  });

  it("goes on to the next host when the first never greets, within the budget", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const good = await harness.servers.start({ respond: mta() });
    await harness.alias("127.0.0.2", tarpit.port, good);
    const { service } = harness.service(tarpit.port, { "mx1.example.org": ["127.0.0.1"], "mx2.example.org": ["127.0.0.2"] });
    const response = await service.probe(probeRequest(MX, ["alice@example.org"], { budget_ms: 3000 }));
    expect(reasons(response)).toEqual(["accepted"]);
    expect(good.connectionCount).toBe(1);
  });

  it("lets a 5xx about the mailbox decide: the next host is never asked", async () => {
    const first = await harness.servers.start({ respond: mta({ rcpt: () => "550 5.1.1 <ghost@example.org>: Recipient address rejected: User unknown" }) });
    const backup = await harness.servers.start({ respond: mta() });
    await harness.alias("127.0.0.2", first.port, backup);
    const { service } = harness.service(first.port, { "mx1.example.org": ["127.0.0.1"], "mx2.example.org": ["127.0.0.2"] });
    const response = await service.probe(probeRequest(MX, ["ghost@example.org"]));
    expect(response!.results[0]).toMatchObject({ reason: "mailbox_not_found", code: 550, enhanced: "5.1.1", host: "mx1.example.org" });
    expect(backup.connectionCount).toBe(0);
  });

  it("lets a definitive 5xx decide: the backup is not asked after relay access denied", async () => {
    const stale = await harness.servers.start({
      respond: mta({ rcpt: (address) => (address.startsWith("bob") ? "554 5.7.1 <bob@example.org>: Relay access denied" : "550 5.1.1 User unknown") }),
    });
    const backup = await harness.servers.start({ respond: mta() });
    await harness.alias("127.0.0.2", stale.port, backup);
    const { service } = harness.service(stale.port, { "mx1.example.org": ["127.0.0.1"], "mx2.example.org": ["127.0.0.2"] });
    const response = await service.probe(probeRequest(MX, ["ghost@example.org", "bob@example.org"]));
    expect(response!.results.map(({ reason, host }) => [reason, host])).toEqual([
      ["mailbox_not_found", "mx1.example.org"],
      ["blocked", "mx1.example.org"],
    ]);
    expect(backup.commands.filter((command) => command.startsWith("RCPT"))).toEqual([]);
  });

  it("keeps the last host's failure when every host fails", async () => {
    const { service } = harness.service(9, { "mx1.example.org": ["127.0.0.3"], "mx2.example.org": ["127.0.0.4"] });
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(response!.results[0]).toMatchObject({ reason: "no_connect", host: "mx2.example.org" });
  });

  it("answers a tarpit with timeout, within the budget", async () => {
    const tarpit = await harness.servers.start({ greeting: null, respond: mta() });
    const { service } = harness.service(tarpit.port, { "mx1.example.org": ["127.0.0.1"] });
    const response = await service.probe(probeRequest(["mx1.example.org"], ["alice@example.org", "bob@example.org"], { budget_ms: 500 }));
    expect(reasons(response)).toEqual(["timeout", "timeout"]);
  });

  it("answers timeout when DNS does not answer within the budget", async () => {
    const { service, attempts } = harness.service(25, { "mx1.example.org": "hang" });
    const response = await service.probe(probeRequest(["mx1.example.org"], ["alice@example.org"], { budget_ms: 300 }));
    expect(reasons(response)).toEqual(["timeout"]);
    expect(attempts).toEqual([]);
  });

  it("answers dns_error when no MX host can be looked up", async () => {
    const { service } = harness.service(25, { "mx1.example.org": "dns_error", "mx2.example.org": "dns_error" });
    const response = await service.probe(probeRequest(MX, ["alice@example.org"]));
    expect(response!.results[0]).toMatchObject({ reason: "dns_error", host: "mx1.example.org" });
  });
});

describe("egress", () => {
  it("refuses a private MX address unless private targets are allowed, and says why", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const { service, attempts } = harness.service(server.port, { "mx1.example.org": ["127.0.0.1", "10.1.2.3"] }, { allowPrivateTargets: false });
    const response = await service.probe(probeRequest(["mx1.example.org"], ["alice@example.org"]));
    expect(response!.results[0]).toMatchObject({ reason: "no_connect", host: "mx1.example.org" });
    expect(response!.results[0]!.message).toBe("mx1.example.org: 127.0.0.1 is loopback; mx1.example.org: 10.1.2.3 is private");
    expect(attempts).toEqual([]);
    expect(server.connectionCount).toBe(0);
  });

  it("connects only to the configured SMTP port", async () => {
    const server = await harness.servers.start({ respond: mta() });
    const elsewhere = await harness.servers.start({ respond: mta() });
    const { service, attempts } = harness.service(server.port, { "mx1.example.org": ["127.0.0.1", "::1"], "mx2.example.org": ["127.0.0.3"] });
    const response = await service.probe(probeRequest(["mx1.example.org", "mx2.example.org"], ["alice@example.org"]));
    expect(reasons(response)).toEqual(["accepted"]);
    expect(attempts.every(({ port }) => port === server.port)).toBe(true);
    expect(elsewhere.connectionCount).toBe(0);
  });

  it("never reaches a server on another port, whatever DNS says", async () => {
    const server = await harness.servers.start({ respond: mta() });
    // Port 9 (discard) has no listener here; the MTA on its own port must stay out of reach.
    const { service, attempts } = harness.service(9, { "mx1.example.org": ["127.0.0.1"] });
    const response = await service.probe(probeRequest(["mx1.example.org"], ["alice@example.org"]));
    expect(reasons(response)).toEqual(["no_connect"]);
    expect(attempts.map(({ port }) => port)).not.toContain(server.port);
    expect(server.connectionCount).toBe(0);
  });
});
