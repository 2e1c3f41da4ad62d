import { beforeAll, describe, expect, it } from "vitest";
import { mta } from "./testing/mta";
import { selfSignedCertificate } from "./testing/self-signed-certificate";
import { useScriptedServers } from "./testing/use-scripted-servers";

const servers = useScriptedServers();
const WITH_STARTTLS = ["PIPELINING", "STARTTLS", "SMTPUTF8"];
let certificate: { cert: string; key: string };

beforeAll(() => {
  certificate = selfSignedCertificate("mx.test");
});

describe("STARTTLS", () => {
  it("upgrades when offered, accepts a self-signed certificate but records that it did not verify, and says EHLO again", async () => {
    const server = await servers.start({ respond: mta({ extensions: WITH_STARTTLS }), tls: certificate });
    const session = await servers.open(server);
    expect(session.tls).toMatchObject({
      version: expect.stringMatching(/^TLSv1\.[23]$/),
      authorized: false,
      authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT",
    });
    const [result] = await session.probe("probe@probe.test", ["alice@example.org"]);
    expect(result!.reason).toBe("accepted");
    await session.close();
    expect(server.commands.slice(0, 3)).toEqual(["EHLO probe.test", "STARTTLS", "EHLO probe.test"]);
    expect(session.transcript.some(({ from, line }) => from === "note" && /^TLS TLSv1\.[23] .*not verified/.test(line))).toBe(true);
  });

  it("never starts TLS when told not to", async () => {
    const server = await servers.start({ respond: mta({ extensions: WITH_STARTTLS }), tls: certificate });
    const session = await servers.open(server, { tls: "off" });
    expect(session.tls).toBeNull();
    await session.close();
    expect(server.commands).not.toContain("STARTTLS");
  });

  it("carries on in plain text when STARTTLS is answered 454", async () => {
    const base = mta({ extensions: WITH_STARTTLS });
    const server = await servers.start({
      respond: (command, session) => (command === "STARTTLS" ? "454 4.7.0 TLS not available due to local problem" : base(command, session)),
    });
    const session = await servers.open(server);
    expect(session.tls).toBeNull();
    expect((await session.probe("probe@probe.test", ["alice@example.org"]))[0]!.reason).toBe("accepted");
    await session.close();
  });

  it("connects again without TLS when the handshake fails", async () => {
    const base = mta({ extensions: WITH_STARTTLS });
    const server = await servers.start({
      respond: (command, session) => {
        if (command !== "STARTTLS") return base(command, session);
        session.write("220 2.0.0 Ready to start TLS\r\n");
        // Answer the ClientHello with a fatal handshake_failure alert record.
        session.onRawData(() => {
          session.write(String.fromCharCode(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28));
          session.end();
        });
        return undefined;
      },
    });
    const session = await servers.open(server);
    expect(session.tls).toBeNull();
    expect(server.connectionCount).toBe(2);
    expect((await session.probe("probe@probe.test", ["alice@example.org"]))[0]!.reason).toBe("accepted");
    await session.close();
    expect(server.commands.filter((command) => command === "STARTTLS")).toHaveLength(1);
  });

  it("fails with EPROTOCOL, rather than waiting, when garbage follows the 220 to STARTTLS", async () => {
    const base = mta({ extensions: WITH_STARTTLS });
    const server = await servers.start({
      respond: (command, session) => (command === "STARTTLS" ? "220 2.0.0 Ready to start TLS\r\nthis is not a TLS record" : base(command, session)),
    });
    const error = await servers.open(server).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "EPROTOCOL", response: "this is not a TLS record" });
  });

  it("drops a reply injected in plain text after the 220 to STARTTLS", async () => {
    const base = mta({ extensions: WITH_STARTTLS });
    const server = await servers.start({
      tls: certificate,
      respond: (command, session) => {
        if (command !== "STARTTLS") return base(command, session);
        session.write("220 2.0.0 Ready to start TLS\r\n250 injected\r\n");
        session.startTls();
        return undefined;
      },
    });
    const session = await servers.open(server);
    expect(session.tls).not.toBeNull();
    // Had "250 injected" been read as the reply to the second EHLO, no extension would be known.
    expect(session.capabilities.pipelining).toBe(true);
    await session.close();
  });
});
