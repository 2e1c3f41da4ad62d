import { describe, expect, it } from "vitest";
import globalDsn from "../../shared/bounces/fixtures/global-dsn-unknown-user.eml?raw";
import eximBounce from "../../shared/bounces/fixtures/exim-unknown-user.eml?raw";
import { parseBounceMessage } from "../../shared/bounces/parse-message";
import { makeReturnPath, recipientMatches, verifyReturnPath } from "../../shared/bounces/return-path";

// The bounce parser and the signed return path run where the email() handler will: workerd,
// with postal-mime, TextDecoder and WebCrypto as Workers have them.
describe("bounce parsing in workerd", () => {
  it("reads an RFC 6533 global DSN and an Exim bounce", async () => {
    const receivedAt = new Date("2026-02-01T00:00:00Z");
    const global = await parseBounceMessage(new TextEncoder().encode(globalDsn), receivedAt);
    expect(global.bounces.map(({ recipient, kind }) => ({ recipient, kind }))).toEqual([{ recipient: "jörg@bücher.example", kind: "hard" }]);
    const exim = await parseBounceMessage(eximBounce, receivedAt);
    expect(exim.bounces.map(({ recipient, kind, status }) => ({ recipient, kind, status }))).toEqual([
      { recipient: "nobody-here@example.org", kind: "hard", status: "5.1.1" },
    ]);
  });

  it("makes and verifies a signed return path", async () => {
    const path = await makeReturnPath({ owner: "key:abc", recipient: "a@example.org", domain: "bounces.example.com", secret: "s1" });
    const verified = await verifyReturnPath(path, ["s0", "s1"]);
    expect(verified?.owner).toBe("key:abc");
    expect(await recipientMatches(verified!.recipientHash, "A@example.org")).toBe(true);
  });
});
