import { describe, expect, it } from "vitest";
import type { ReplyClass } from "./reply-class";
import { defendedMta } from "./testing/defended-mta";
import { mta } from "./testing/mta";
import type { Responder } from "./testing/scripted-server";
import { TEST_TIMEOUTS, useScriptedServers } from "./testing/use-scripted-servers";

const servers = useScriptedServers();
const SENDER = "probe@probe.test";

/** One address per classification path at RCPT, with the reply its server gives and the expected class. */
const RCPT_PATHS: readonly (readonly [local: string, reply: string, expected: ReplyClass])[] = [
  ["alice", "250 2.1.5 Ok", "accepted"],
  ["ghost", "550 5.1.1 <ghost@example.org>: Recipient address rejected: User unknown in local recipient table", "mailbox_not_found"],
  ["dormant", "550 5.2.1 The email account that you tried to reach is disabled.", "mailbox_disabled"],
  ["hoarder", "452 4.2.2 The recipient's inbox is out of storage space.", "mailbox_full"],
  ["popular", "450 4.2.1 The user you are trying to contact is receiving mail too quickly.", "exists_but_throttled"],
  [
    "newcomer",
    "450 4.2.0 <newcomer@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
    "greylisted",
  ],
  ["busy", "451 4.7.650 The mail server [127.0.0.1] has been temporarily rate limited due to IP reputation.", "rate_limited"],
  ["guarded", "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org", "blocked"],
  ["elsewhere", "554 5.7.1 <elsewhere@example.org>: Relay access denied", "relay_denied"],
  ["crowded", "452 4.5.3 Error: too many recipients", "too_many_recipients"],
  ["flaky", "451 4.3.0 Error: queue file write error", "temporary_failure"],
];

const rcptBy = (replies: Record<string, string>) => (address: string) => replies[address.split("@")[0]!] ?? "250 2.1.5 Ok";

describe("probing recipients", () => {
  it.each([true, false])("classifies every path at RCPT (pipelining %s)", async (pipelining) => {
    const replies = Object.fromEntries(RCPT_PATHS.map(([local, reply]) => [local, reply]));
    const server = await servers.start({ respond: mta({ extensions: pipelining ? ["PIPELINING"] : [], rcpt: rcptBy(replies) }) });
    const session = await servers.open(server);
    const addresses = RCPT_PATHS.map(([local]) => `${local}@example.org`);
    const results = await session.probe(SENDER, addresses);
    expect(results.map((result) => [result.address, result.class])).toEqual(RCPT_PATHS.map(([local, , expected]) => [`${local}@example.org`, expected]));
    expect(results.find((result) => result.class === "greylisted")!.retryAfterSeconds).toBeNull();
    expect(results.every((result) => result.stage === "rcpt" && result.error === null)).toBe(true);
    await session.close();
  });

  it("reads a multi-line RCPT reply whole", async () => {
    const gmail =
      "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser x1-20020a17 - gsmtp";
    const server = await servers.start({ respond: mta({ rcpt: () => gmail }) });
    const session = await servers.open(server);
    const [result] = await session.probe(SENDER, ["ghost@example.org"]);
    expect(result).toMatchObject({ code: 550, enhanced: "5.1.1", class: "mailbox_not_found", reason: "mailbox_not_found" });
    expect(result!.text!.split("\n")).toHaveLength(3);
    await session.close();
  });

  it("pipelines MAIL FROM, the RCPTs and RSET as one group when PIPELINING is offered", async () => {
    // This server answers nothing until the whole group has arrived: a client that waits for
    // the MAIL FROM reply before sending RCPT would time out.
    const base = mta();
    const held: string[] = [];
    const respond: Responder = (command, session) => {
      if (!/^(MAIL|RCPT|RSET)/.test(command)) return base(command, session);
      held.push(base(command, session)!);
      if (command !== "RSET") return undefined;
      return held.splice(0).join("\r\n");
    };
    const server = await servers.start({ respond });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["a@example.org", "b@example.org"]);
    expect(results.map((result) => result.reason)).toEqual(["accepted", "accepted"]);
    await session.close();
  });

  it("waits for each reply when PIPELINING is not offered", async () => {
    let earlyCommands = 0;
    let awaitingReply = false;
    const base = mta({ extensions: [] });
    const respond: Responder = (command, session) => {
      if (awaitingReply) earlyCommands++;
      if (!command.startsWith("MAIL")) return base(command, session);
      awaitingReply = true;
      setTimeout(() => {
        awaitingReply = false;
        session.write("250 2.1.0 Ok\r\n");
      }, 30);
      return undefined;
    };
    const server = await servers.start({ respond });
    const session = await servers.open(server);
    expect((await session.probe(SENDER, ["a@example.org", "b@example.org"])).map((result) => result.reason)).toEqual(["accepted", "accepted"]);
    expect(earlyCommands).toBe(0);
    await session.close();
  });

  it.each([true, false])("judges every address by a refused MAIL FROM and stays usable (pipelining %s)", async (pipelining) => {
    let refuseSender = true;
    const server = await servers.start({
      respond: mta({
        extensions: pipelining ? ["PIPELINING"] : [],
        mail: () => (refuseSender ? "553 5.7.1 <probe@probe.test>: Sender address rejected: not owned by user" : "250 2.1.0 Ok"),
        rcpt: () => (refuseSender ? "503 5.5.1 Error: need MAIL command" : "250 2.1.5 Ok"),
      }),
    });
    const session = await servers.open(server);
    const refused = await session.probe(SENDER, ["a@example.org", "b@example.org"]);
    expect(refused.map((result) => [result.stage, result.class])).toEqual([
      ["mail", "blocked"],
      ["mail", "blocked"],
    ]);
    refuseSender = false;
    expect((await session.probe(SENDER, ["a@example.org"]))[0]!.reason).toBe("accepted");
    expect(session.state).toBe("ready");
    await session.close();
    expect(server.connectionCount).toBe(1);
  });

  it("keeps the MAIL FROM refusal when the server hangs up after it", async () => {
    const base = mta();
    const server = await servers.start({
      respond: (command, session) => {
        if (!command.startsWith("MAIL")) return base(command, session);
        session.write("554 5.7.1 Sender rejected by policy\r\n");
        session.end();
        return undefined;
      },
    });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["a@example.org", "b@example.org"]);
    expect(results.map((result) => [result.stage, result.reason])).toEqual([
      ["mail", "blocked"],
      ["mail", "blocked"],
    ]);
    expect(session.state).toBe("closed");
  });

  it("reuses the connection across probes, with RSET after each transaction", async () => {
    const server = await servers.start({ respond: mta({ extensions: [] }) });
    const session = await servers.open(server);
    await session.probe(SENDER, ["a@example.org"]);
    await session.probe(SENDER, ["b@example.org", "c@example.org"]);
    await session.close();
    expect(server.connectionCount).toBe(1);
    expect(server.commands).toEqual([
      "EHLO probe.test",
      `MAIL FROM:<${SENDER}>`,
      "RCPT TO:<a@example.org>",
      "RSET",
      `MAIL FROM:<${SENDER}>`,
      "RCPT TO:<b@example.org>",
      "RCPT TO:<c@example.org>",
      "RSET",
      "QUIT",
    ]);
  });

  it("runs probes called at once one after the other", async () => {
    const server = await servers.start({ respond: mta() });
    const session = await servers.open(server);
    const [first, second] = await Promise.all([session.probe(SENDER, ["a@example.org"]), session.probe(SENDER, ["b@example.org"])]);
    expect([first![0]!.reason, second![0]!.reason]).toEqual(["accepted", "accepted"]);
    await session.close();
  });

  it("leaves an address refused as one recipient too many to the caller, in the same session", async () => {
    // Exchange Online: a second RCPT in one transaction gets 452 4.5.3.
    let rcptsInTransaction = 0;
    const base = mta({ rcpt: () => (++rcptsInTransaction > 1 ? "452 4.5.3 Recipients belong to multiple regions ATTR38" : "250 2.1.5 Recipient OK") });
    const server = await servers.start({
      respond: (command, session) => {
        if (command.startsWith("MAIL")) rcptsInTransaction = 0;
        return base(command, session);
      },
    });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["a@example.org", "b@example.org"]);
    expect(results.map((result) => [result.address, result.class])).toEqual([
      ["a@example.org", "accepted"],
      ["b@example.org", "too_many_recipients"],
    ]);
    expect(session.state).toBe("ready");
    expect((await session.probe(SENDER, ["b@example.org"]))[0]!.class).toBe("accepted");
    await session.close();
  });

  it("says how long each RCPT reply took, so a caller can tell a tarpit", async () => {
    // Without PIPELINING, so the late reply cannot be overtaken by the next command's.
    const base = mta({ extensions: [], rcpt: (address) => (address.startsWith("slow") ? "550 5.1.1 User unknown" : "250 2.1.5 Ok") });
    const server = await servers.start({
      respond: (command, session) => {
        if (!command.startsWith("RCPT TO:<slow")) return base(command, session);
        setTimeout(() => session.write(`${base(command, session)}\r\n`), 300);
        return undefined;
      },
    });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["fast@example.org", "slow@example.org"]);
    expect(results.map((result) => result.reason)).toEqual(["accepted", "mailbox_not_found"]);
    expect(results[1]!.waitedMs).toBeGreaterThanOrEqual(250);
    expect(results[1]!.waitedMs).toBeGreaterThan(results[0]!.waitedMs!);
    await session.close();
  });

  it("stops waiting for the rest of a group after a refusal that came seconds late, when asked to", async () => {
    const { respond } = defendedMta({ known: ["ann", "bob"], tarpitMs: 400 });
    const server = await servers.start({ respond });
    const session = await servers.open(server);
    const addresses = ["ann@example.org", "ghost@example.org", "bob@example.org", "ghost2@example.org"];
    const results = await session.probe(SENDER, addresses, { abandonAfterSlowRefusalMs: 300 });
    expect(results.map((result) => [result.reason, result.error])).toEqual([
      ["accepted", null],
      ["mailbox_not_found", null],
      ["timeout", "EABANDONED"],
      ["timeout", "EABANDONED"],
    ]);
    expect(session.state).toBe("closed");
  });

  it("gives a 421 at RCPT to that address and the rest, and closes the session", async () => {
    const server = await servers.start({
      respond: mta({ rcpt: (address) => (address.startsWith("b") ? "421 4.7.0 mx.test Error: too many errors" : "250 2.1.5 Ok") }),
    });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["a@example.org", "b@example.org", "c@example.org"]);
    expect(results.map((result) => [result.code, result.class])).toEqual([
      [250, "accepted"],
      [421, "rate_limited"],
      [421, "rate_limited"],
    ]);
    expect(session.state).toBe("closed");
    expect((await session.probe(SENDER, ["d@example.org"]))[0]).toMatchObject({ reason: "error", error: "EDISCONNECTED" });
  });

  it("gives a disconnect in mid-command to the addresses not yet judged", async () => {
    const base = mta({ extensions: [] });
    const server = await servers.start({
      respond: (command, session) => {
        if (command !== "RCPT TO:<b@example.org>") return base(command, session);
        session.write("550-5.1.1 half a");
        session.end();
        return undefined;
      },
    });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["a@example.org", "b@example.org", "c@example.org"]);
    expect(results.map((result) => [result.reason, result.error])).toEqual([
      ["accepted", null],
      ["error", "EDISCONNECTED"],
      ["error", "EDISCONNECTED"],
    ]);
    expect(results[1]!.text).toBe("5.1.1 half a");
    expect(session.state).toBe("closed");
  });

  it("calls an address timeout when its RCPT is never answered", async () => {
    const base = mta({ extensions: [] });
    const server = await servers.start({ respond: (command, session) => (command.startsWith("RCPT") ? undefined : base(command, session)) });
    const session = await servers.open(server, { timeouts: { ...TEST_TIMEOUTS, commandTimeoutMs: 100 } });
    const [result] = await session.probe(SENDER, ["a@example.org"]);
    expect(result).toMatchObject({ reason: "timeout", error: "ETIMEDOUT_COMMAND" });
  });

  it("calls an address timeout when the deadline passes during the probe", async () => {
    const base = mta();
    const server = await servers.start({ respond: (command, session) => (/^(RCPT|RSET)/.test(command) ? undefined : base(command, session)) });
    const deadline = new AbortController();
    const session = await servers.open(server, { signal: deadline.signal, timeouts: { ...TEST_TIMEOUTS, commandTimeoutMs: 600_000 } });
    const probe = session.probe(SENDER, ["a@example.org", "b@example.org"]);
    setTimeout(() => deadline.abort(), 50);
    expect((await probe).map((result) => result.error)).toEqual(["ETIMEDOUT_DEADLINE", "ETIMEDOUT_DEADLINE"]);
    expect(session.state).toBe("closed");
  });

  it("rejects addresses with control characters, which could inject commands", async () => {
    const server = await servers.start({ respond: mta() });
    const session = await servers.open(server);
    await expect(session.probe(SENDER, ["a@example.org>\r\nDATA"])).rejects.toThrow(TypeError);
    await session.close();
    expect(server.commands).toEqual(["EHLO probe.test", "QUIT"]);
  });

  it("keeps the transcript, with directions and both sides' lines", async () => {
    const server = await servers.start({ respond: mta({ rcpt: () => "550 5.1.1 User unknown" }) });
    const session = await servers.open(server);
    await session.probe(SENDER, ["ghost@example.org"]);
    await session.close();
    const lines = session.transcript.map(({ from, line }) => `${from} ${line}`);
    expect(lines).toContain("client RCPT TO:<ghost@example.org>");
    expect(lines).toContain("server 550 5.1.1 User unknown");
    expect(lines[0]).toMatch(/^note connected to 127\.0\.0\.1 port \d+$/);
  });

  it("names, for each RCPT reply, the classification row that read it, as each result does", async () => {
    const server = await servers.start({
      respond: mta({ rcpt: (address) => (address.startsWith("ghost") ? "550 5.1.1 User unknown" : "450 4.2.0 Greylisted, try again in 60 seconds") }),
    });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["ghost@example.org", "slow@example.org"]);
    await session.close();
    expect(results.map(({ code, rule, class: replyClass }) => [code, rule, replyClass])).toEqual([
      [550, "mailbox-not-found", "mailbox_not_found"],
      [450, "greylisting", "greylisted"],
    ]);
    const notes = session.transcript.filter(({ from, line }) => from === "note" && line.includes(" read by row "));
    expect(notes.map(({ line }) => line)).toEqual([
      "RCPT TO:<ghost@example.org>: 550 read by row mailbox-not-found as mailbox_not_found",
      "RCPT TO:<slow@example.org>: 450 read by row greylisting as greylisted",
    ]);
  });
});

describe("SMTPUTF8", () => {
  it("sends a non-ASCII address with MAIL FROM ... SMTPUTF8 when the server offers it", async () => {
    const server = await servers.start({ respond: mta({ extensions: ["SMTPUTF8"] }) });
    const session = await servers.open(server);
    const [result] = await session.probe(SENDER, ["δοκιμή@xn--bcher-kva.example"]);
    expect(result!.reason).toBe("accepted");
    expect(server.commands).toContain(`MAIL FROM:<${SENDER}> SMTPUTF8`);
    expect(server.commands).toContain("RCPT TO:<δοκιμή@xn--bcher-kva.example>");
    await session.close();
  });

  it("never sends a non-ASCII address to a server without it, and still probes the ASCII ones", async () => {
    const server = await servers.start({ respond: mta({ extensions: ["PIPELINING"] }) });
    const session = await servers.open(server);
    const results = await session.probe(SENDER, ["δοκιμή@example.org", "plain@xn--bcher-kva.example"]);
    expect(results.map((result) => [result.address, result.reason])).toEqual([
      ["δοκιμή@example.org", "unsupported"],
      ["plain@xn--bcher-kva.example", "accepted"],
    ]);
    await session.close();
    expect(server.commands).toEqual(["EHLO probe.test", `MAIL FROM:<${SENDER}>`, "RCPT TO:<plain@xn--bcher-kva.example>", "RSET", "QUIT"]);
  });

  it("sends nothing when no address can be sent", async () => {
    const server = await servers.start({ respond: mta({ extensions: [] }) });
    const session = await servers.open(server);
    expect((await session.probe(SENDER, ["δοκιμή@example.org"]))[0]!.reason).toBe("unsupported");
    await session.close();
    expect(server.commands).toEqual(["EHLO probe.test", "QUIT"]);
  });
});
