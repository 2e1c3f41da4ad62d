import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freeLoopbackPort } from "../dns/free-port";
import { skipWithoutMtaFarm } from "./peer";
import { startPostgrey } from "./postgrey";

/** One request in Postfix's policy delegation protocol, as smtpd sends it at RCPT TO. */
function askPolicy(port: number, recipient: string): Promise<string> {
  const request = [
    "request=smtpd_access_policy",
    "protocol_state=RCPT",
    "protocol_name=ESMTP",
    "client_address=127.0.0.1",
    "client_name=unknown",
    "sender=probe@mailvet.test",
    `recipient=${recipient}`,
    "",
    "",
  ].join("\n");
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = connect({ host: "127.0.0.1", port }, () => socket.write(request));
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.endsWith("\n\n")) {
        socket.destroy();
        resolve(answer.trim());
      }
    });
    socket.once("error", reject);
  });
}

describe.skipIf(skipWithoutMtaFarm())("startPostgrey", () => {
  it("greylists a new triplet with its stock text, and lets it pass once the delay is over", async () => {
    const runDir = await mkdtemp(join(tmpdir(), "mailvet-postgrey-"));
    const port = await freeLoopbackPort();
    const postgrey = await startPostgrey(join(runDir, "postgrey"), port, 1);
    try {
      expect(await askPolicy(port, "alice@greylist.mailvet-mta.net")).toBe(
        "action=DEFER_IF_PERMIT Greylisted, see http://postgrey.schweikert.ch/help/greylist.mailvet-mta.net.html",
      );
      await expect
        .poll(() => askPolicy(port, "alice@greylist.mailvet-mta.net"), { timeout: 15_000, interval: 250 })
        .toMatch(/^action=PREPEND X-Greylist: delayed \d+ seconds by postgrey/);
      expect(await askPolicy(port, "bob@greylist.mailvet-mta.net")).toMatch(/^action=DEFER_IF_PERMIT/);
    } finally {
      await postgrey.stop();
      await rm(runDir, { recursive: true, force: true });
    }
  }, 30_000);
});
