import { once } from "node:events";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openRawSmtp } from "./raw-smtp";

/** A server that greets with `greeting` and answers each line with `answer(line)`. */
async function scriptedServer(greeting: string, answer: (line: string, socket: Socket) => void) {
  const server = createServer((socket) => {
    socket.write(greeting);
    let buffered = "";
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf("\r\n"); end !== -1; end = buffered.indexOf("\r\n")) {
        answer(buffered.slice(0, end), socket);
        buffered = buffered.slice(end + 2);
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  return (server.address() as AddressInfo).port;
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

describe("openRawSmtp", () => {
  it("reads a multi-line greeting and answers in the order the commands went", async () => {
    const port = await scriptedServer("220-mx.mailvet-mta.net ESMTP\r\n220 no UCE\r\n", (line, socket) => {
      socket.write(line.startsWith("EHLO") ? "250-mx.mailvet-mta.net\r\n250 SMTPUTF8\r\n" : `250 2.0.0 ${line}\r\n`);
    });
    const smtp = openRawSmtp("127.0.0.1", port);
    expect(await smtp.greeting).toMatchObject({ code: 220, lines: ["mx.mailvet-mta.net ESMTP", "no UCE"] });
    const [ehlo, noop, rset] = await Promise.all([smtp.send("EHLO probe.test"), smtp.send("NOOP"), smtp.send("RSET")]);
    expect(ehlo.lines).toEqual(["mx.mailvet-mta.net", "SMTPUTF8"]);
    expect([noop, rset]).toMatchObject([{ code: 250, enhanced: "2.0.0", text: "NOOP" }, { text: "RSET" }]);
    smtp.close();
    await smtp.closed;
  });

  it("rejects a reply the server hangs up in the middle of, with what it had sent", async () => {
    const port = await scriptedServer("220 mx ready\r\n", (_, socket) => socket.end("421-4.7.0 going\r\n421 away"));
    const smtp = openRawSmtp("127.0.0.1", port);
    await smtp.greeting;
    await expect(smtp.send("MAIL FROM:<>")).rejects.toThrow(/closed the connection after "4.7.0 going\naway"/);
    await expect(smtp.send("QUIT")).rejects.toThrow();
  });

  it("fails to connect where nothing listens, without an unhandled rejection", async () => {
    const closedServer = createServer().listen(0, "127.0.0.1");
    await once(closedServer, "listening");
    const { port } = closedServer.address() as AddressInfo;
    await new Promise((resolve) => closedServer.close(resolve));
    const smtp = openRawSmtp("127.0.0.1", port);
    await expect(smtp.connected).rejects.toThrow(/ECONNREFUSED/);
    await smtp.closed;
  });
});
