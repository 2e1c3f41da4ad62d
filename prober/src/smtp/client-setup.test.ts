import { describe, expect, it } from "vitest";
import { resultFromFailure } from "./recipient-result";
import { SmtpError } from "./smtp-error";
import { mta } from "./testing/mta";
import { startScriptedServer } from "./testing/scripted-server";
import { TEST_TIMEOUTS, useScriptedServers } from "./testing/use-scripted-servers";

const servers = useScriptedServers();

/** The SmtpError an opening fails with (the test fails if it succeeds). */
async function openingError(promise: Promise<unknown>): Promise<SmtpError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SmtpError);
  return error as SmtpError;
}

describe("opening a session", () => {
  it("reads a multi-line greeting, says EHLO, learns the extensions and ends with QUIT", async () => {
    const server = await servers.start({ greeting: "220-mx.test ESMTP\n220-no UCE\r\n220 ready\r\n", respond: mta() });
    const session = await servers.open(server);
    expect(session.state).toBe("ready");
    expect(session.capabilities).toMatchObject({ pipelining: true, smtputf8: true, starttls: false });
    await session.close();
    expect(session.state).toBe("closed");
    expect(server.commands).toEqual(["EHLO probe.test", "QUIT"]);
    await session.close(); // twice is harmless
  });

  it("falls back to HELO when EHLO is not understood, and then assumes no extensions", async () => {
    const base = mta();
    const server = await servers.start({
      respond: (command, session) => (command.startsWith("EHLO") ? "502 5.5.2 Error: command not recognized" : base(command, session)),
    });
    const session = await servers.open(server);
    expect(session.capabilities.pipelining).toBe(false);
    const [result] = await session.probe("probe@probe.test", ["alice@example.org"]);
    expect(result!.reason).toBe("accepted");
    expect(server.commands.slice(0, 5)).toEqual(["EHLO probe.test", "HELO probe.test", "MAIL FROM:<probe@probe.test>", "RCPT TO:<alice@example.org>", "RSET"]);
    await session.close();
  });

  it("fails with EREFUSED when both EHLO and HELO are refused, and the refusal is a block", async () => {
    const server = await servers.start({ respond: () => "501 5.5.4 Invalid domain name" });
    const error = await openingError(servers.open(server));
    expect(error).toMatchObject({
      code: "EREFUSED",
      command: "HELO",
      stage: "ehlo",
      responseCode: 501,
      enhancedCode: "5.5.4",
      response: "Invalid domain name",
    });
    expect(resultFromFailure("alice@example.org", error).reason).toBe("blocked");
  });

  it("treats a 421 greeting as a refusal to retry later", async () => {
    const server = await servers.start({ greeting: "421 4.7.0 mx.test Error: too many connections from 127.0.0.1\r\n", respond: mta() });
    const error = await openingError(servers.open(server));
    expect(error).toMatchObject({ code: "EREFUSED", stage: "connect", responseCode: 421 });
    expect(resultFromFailure("alice@example.org", error)).toMatchObject({ class: "rate_limited", reason: "deferred" });
    expect(server.commands).toEqual([]);
  });

  it("treats a 554 greeting as blocked", async () => {
    const server = await servers.start({
      greeting: "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org\r\n",
      respond: mta(),
    });
    const error = await openingError(servers.open(server));
    expect(resultFromFailure("alice@example.org", error)).toMatchObject({ class: "blocked", reason: "blocked", stage: "connect" });
  });

  it("gives up on a tarpit that never sends its banner, at the greeting timeout", async () => {
    const server = await servers.start({ greeting: null, respond: mta() });
    const error = await openingError(servers.open(server, { timeouts: { ...TEST_TIMEOUTS, greetingTimeoutMs: 100 } }));
    expect(error).toMatchObject({ code: "ETIMEDOUT_GREETING", command: "CONNECT", stage: "connect" });
    expect(resultFromFailure("alice@example.org", error).reason).toBe("timeout");
  });

  it("gives up on a tarpit at the caller's deadline, whatever the timeouts", async () => {
    const server = await servers.start({ greeting: null, respond: mta() });
    const error = await openingError(servers.open(server, { signal: AbortSignal.timeout(100), timeouts: { ...TEST_TIMEOUTS, greetingTimeoutMs: 600_000 } }));
    expect(error.code).toBe("ETIMEDOUT_DEADLINE");
  });

  it("gives up on a banner that drips line by line past the greeting timeout", async () => {
    const server = await servers.start({ greeting: "220-mx.test\r\n", respond: mta() });
    const error = await openingError(servers.open(server, { timeouts: { ...TEST_TIMEOUTS, greetingTimeoutMs: 100 } }));
    expect(error).toMatchObject({ code: "ETIMEDOUT_GREETING", response: "mx.test" });
  });

  it("does not connect at all when the deadline has already passed", async () => {
    const server = await servers.start({ respond: mta() });
    const error = await openingError(servers.open(server, { signal: AbortSignal.abort() }));
    expect(error.code).toBe("ETIMEDOUT_DEADLINE");
    expect(server.connectionCount).toBe(0);
  });

  it("reports a refused connection as ECONNECTION, which is no_connect", async () => {
    const closed = await startScriptedServer({ respond: mta() });
    await closed.close();
    const error = await openingError(servers.open(closed));
    expect(error).toMatchObject({ code: "ECONNECTION", stage: "connect" });
    expect(resultFromFailure("alice@example.org", error).reason).toBe("no_connect");
  });

  it("reports a server that is not speaking SMTP as EPROTOCOL", async () => {
    const server = await servers.start({ greeting: "HTTP/1.1 400 Bad Request\r\n\r\n", respond: mta() });
    const error = await openingError(servers.open(server));
    expect(error).toMatchObject({ code: "EPROTOCOL", response: "HTTP/1.1 400 Bad Request" });
    expect(resultFromFailure("alice@example.org", error).reason).toBe("error");
  });

  it("reports a server that hangs up in the middle of its EHLO reply as EDISCONNECTED, with what it said", async () => {
    const server = await servers.start({
      respond: (_command, session) => {
        session.write("250-mx.test\r\n250-PIPELINING\r\n250-SIZ");
        session.end();
        return undefined;
      },
    });
    const error = await openingError(servers.open(server));
    expect(error).toMatchObject({ code: "EDISCONNECTED", command: "EHLO", stage: "ehlo", response: "mx.test\nPIPELINING\nSIZ" });
  });
});
