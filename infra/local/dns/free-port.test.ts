import { createSocket } from "node:dgram";
import { createServer } from "node:net";
import { describe, it } from "vitest";
import { freeLoopbackPort } from "./free-port";

describe("freeLoopbackPort", () => {
  it("gives a port that TCP and UDP can both bind on loopback", async () => {
    const port = await freeLoopbackPort();
    const tcp = createServer();
    await new Promise<void>((resolve, reject) => tcp.once("error", reject).listen(port, "127.0.0.1", resolve));
    const udp = createSocket("udp4");
    await new Promise<void>((resolve, reject) => udp.once("error", reject).bind(port, "127.0.0.1", resolve));
    await new Promise((resolve) => udp.close(() => resolve(undefined)));
    await new Promise((resolve) => tcp.close(resolve));
  });
});
