import { describe, expect, it } from "vitest";
import { freeLoopbackPort } from "../dns/free-port";
import { openRawSmtp } from "./raw-smtp";
import { startTarpit } from "./tarpit";

describe("startTarpit", () => {
  it("accepts a connection and never greets; stop() hangs up on it", async () => {
    const port = await freeLoopbackPort();
    const tarpit = await startTarpit("127.0.0.1", port);
    const smtp = openRawSmtp("127.0.0.1", port);
    await smtp.connected;
    await expect.poll(() => tarpit.accepted()).toBe(1);
    // Nothing to wait for, so no wait can be too short: a tarpit never greets at all.
    const silence = await Promise.race([
      smtp.greeting.then(
        () => "greeted",
        () => "closed",
      ),
      new Promise((resolve) => setTimeout(() => resolve("silent"), 300)),
    ]);
    expect(silence).toBe("silent");
    await tarpit.stop();
    await expect(smtp.greeting).rejects.toThrow(/closed the connection/);
  });

  it("refuses to start on a port that is taken", async () => {
    const port = await freeLoopbackPort();
    const first = await startTarpit("127.0.0.1", port);
    await expect(startTarpit("127.0.0.1", port)).rejects.toThrow(/EADDRINUSE/);
    await first.stop();
  });
});
