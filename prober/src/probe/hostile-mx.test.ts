import { describe, expect, it } from "vitest";
import { MAX_PROBE_ADDRESSES, MAX_PROBE_MESSAGE_CHARS, ProbeResponseSchema } from "../../../shared/contract/probe";
import { MAX_HOP_RESPONSE_BYTES } from "../../../shared/hop";
import { MAX_LINES_PER_REPLY, MAX_REPLY_BYTES } from "../smtp/reply-reader";
import { mta } from "../smtp/testing/mta";
import { MAX_TRANSCRIPT_CHARS } from "../smtp/transcript";
import { probeRequest, useProbeHarness } from "./testing/probe-harness";

const harness = useProbeHarness();
const MX = ["mx1.example.org"];
const HOSTS = { "mx1.example.org": ["127.0.0.1"] };

/** Megabytes of one reply that never ends: continuation lines of 4,000 characters. */
const ENDLESS_REPLY = `250-${"z".repeat(4000)}\r\n`.repeat(2000);

describe("a hostile MX", () => {
  it("ends the session at a reply past the caps; the answers given before it stand", async () => {
    const server = await harness.servers.start({
      respond: (command, session) => {
        if (!command.startsWith("RCPT TO:<bob@")) return mta({ extensions: [] })(command, session);
        session.write(ENDLESS_REPLY);
        return undefined;
      },
    });
    const { service } = harness.service(server.port, HOSTS);
    const response = ProbeResponseSchema.parse(await service.probe(probeRequest(MX, ["alice@example.org", "bob@example.org", "carol@example.org"])));
    expect(response.results.map(({ address, reason }) => [address, reason])).toEqual([
      ["alice@example.org", "accepted"],
      ["bob@example.org", "error"],
      ["carol@example.org", "error"],
    ]);
    expect(response.results[1]!.message!.length).toBeLessThanOrEqual(MAX_PROBE_MESSAGE_CHARS);
    expect(server.commands).not.toContain("RCPT TO:<carol@example.org>");
  });

  it("sends the edge a short answer, transcript included, however much every reply says", async () => {
    // Every RCPT refused with the longest reply the reader takes whole.
    // Each line as sent: "550-5.1.1 ", the text and CR LF, all counted but the LF.
    const lineText = "x".repeat(Math.floor(MAX_REPLY_BYTES / MAX_LINES_PER_REPLY) - "550-5.1.1 \r".length);
    const longest = Array.from({ length: MAX_LINES_PER_REPLY }, (_, index) => `550${index === MAX_LINES_PER_REPLY - 1 ? " " : "-"}5.1.1 ${lineText}`).join(
      "\r\n",
    );
    const server = await harness.servers.start({ respond: mta({ rcpt: () => longest }) });
    const { service } = harness.service(server.port, HOSTS);
    const addresses = Array.from({ length: MAX_PROBE_ADDRESSES }, (_, index) => `user${index}@example.org`);
    const response = ProbeResponseSchema.parse(await service.probe(probeRequest(MX, addresses, { transcript: true, budget_ms: 30_000 })));
    expect(response.results.every(({ reason }) => reason === "mailbox_not_found")).toBe(true);
    expect(response.results.every(({ message }) => message!.length === MAX_PROBE_MESSAGE_CHARS)).toBe(true);
    expect(response.transcript!.join("").length).toBeLessThan(MAX_TRANSCRIPT_CHARS + 500 * 32);
    expect(response.transcript!.at(-1)).toMatch(/note: transcript cut here$/);
    const bytes = new TextEncoder().encode(JSON.stringify(response)).byteLength;
    console.log(`answer to ${addresses.length} addresses of ${MAX_LINES_PER_REPLY}-line replies: ${bytes} bytes`);
    expect(bytes).toBeLessThan(MAX_HOP_RESPONSE_BYTES / 4);
  });
});
