import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startDaemon } from "../dns/daemon";
import { acceptsConnections, untilReady } from "./ready";

describe("acceptsConnections", () => {
  it("says whether something listens", async () => {
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    expect(await acceptsConnections("127.0.0.1", port)).toBe(true);
    await new Promise((resolve) => server.close(resolve));
    expect(await acceptsConnections("127.0.0.1", port)).toBe(false);
  });
});

describe("untilReady", () => {
  it("waits for the check to pass", async () => {
    const daemon = startDaemon("sleep", ["300"]);
    let checks = 0;
    await untilReady("a sleeper", async () => ++checks === 3, daemon);
    expect(checks).toBe(3);
    await daemon.stop();
  });

  it("fails with the daemon's output as soon as it exits", async () => {
    const daemon = startDaemon("sh", ["-c", "echo bind: Address already in use; exit 1"]);
    await expect(untilReady("a daemon", async () => false, daemon)).rejects.toThrow(/a daemon exited on start:\nbind: Address already in use/);
  });
});
