import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { SmtpConnection } from "./connection";
import { MAX_LINES_PER_REPLY, MAX_REPLY_BYTES } from "./reply-reader";
import { mta } from "./testing/mta";
import { useScriptedServers } from "./testing/use-scripted-servers";
import { Transcript } from "./transcript";

const servers = useScriptedServers();

async function connect(port: number, signal?: AbortSignal) {
  return SmtpConnection.open({ ip: "127.0.0.1", port, connectTimeoutMs: 5000, signal, transcript: new Transcript() });
}

const read = (connection: SmtpConnection, command = "TEST") => connection.read(command, "mail", 5000, "ETIMEDOUT_COMMAND");

describe("SmtpConnection", () => {
  it("connects from the local address it is given (a prober's egress address)", async () => {
    const seen: (string | undefined)[] = [];
    const server = net.createServer((socket) => {
      seen.push(socket.remoteAddress);
      socket.end("220 hello\r\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const connection = await SmtpConnection.open({ ip: "127.0.0.1", port, localAddress: "127.0.0.61", connectTimeoutMs: 5000, transcript: new Transcript() });
    expect((await read(connection)).text).toBe("hello");
    connection.destroy();
    server.close();
    expect(seen).toEqual(["127.0.0.61"]);
  });

  it("hands out replies in order, also those that arrived before they were asked for", async () => {
    const server = await servers.start({ greeting: "220 one\r\n250 two\r\n", respond: mta() });
    const connection = await connect(server.port);
    await new Promise((resolve) => setTimeout(resolve, 20)); // let both arrive (the test holds either way)
    expect((await read(connection)).text).toBe("one");
    expect((await read(connection)).text).toBe("two");
    connection.destroy();
  });

  it("fails every later read with the first cause once the deadline fires", async () => {
    const server = await servers.start({ respond: mta() });
    const deadline = new AbortController();
    const connection = await connect(server.port, deadline.signal);
    await read(connection);
    deadline.abort();
    await expect(read(connection, "NOOP")).rejects.toMatchObject({ code: "ETIMEDOUT_DEADLINE", command: "NOOP" });
    connection.destroy();
    await expect(read(connection)).rejects.toMatchObject({ code: "ETIMEDOUT_DEADLINE" });
  });

  it("breaks on a flood of replies nobody asked for", async () => {
    const server = await servers.start({ greeting: "250 unasked\r\n".repeat(500), respond: mta() });
    const connection = await connect(server.port);
    await vi.waitFor(() => expect(connection.isBroken).toBe(true));
  });

  it("breaks with EREPLY_TOO_LARGE at a reply past the caps, after handing out the replies before it", async () => {
    const endless = `250-${"z".repeat(1000)}\r\n`.repeat(5000);
    const server = await servers.start({ greeting: `220 hello\r\n250-first line\r\n${endless}`, respond: mta() });
    const connection = await connect(server.port);
    expect((await read(connection)).text).toBe("hello");
    await expect(read(connection, "EHLO")).rejects.toMatchObject({
      code: "EREPLY_TOO_LARGE",
      command: "EHLO",
      message: `the server sent a reply of more than ${MAX_LINES_PER_REPLY} lines or ${MAX_REPLY_BYTES} bytes`,
      response: "first line",
    });
    expect(connection.isBroken).toBe(true);
  });

  it("connects only to IP addresses: it never resolves a name", async () => {
    await expect(SmtpConnection.open({ ip: "localhost", port: 25, connectTimeoutMs: 5000, transcript: new Transcript() })).rejects.toMatchObject({
      code: "ECONNECTION",
      message: "not an IP address",
    });
  });

  it("fails reads after destroy with EDISCONNECTED", async () => {
    const server = await servers.start({ greeting: null, respond: mta() });
    const connection = await connect(server.port);
    connection.destroy();
    await expect(read(connection)).rejects.toMatchObject({ code: "EDISCONNECTED" });
  });
});
