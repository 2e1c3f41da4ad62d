import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBounceMessage } from "./parse-message";

/**
 * Messages the Sisimai corpus lacks, written for this project: RFC 6533 global DSNs with UTF-8
 * addresses, Exim and Postfix DSNs as Debian's MTAs write them, auto-replies and
 * challenge-responses in several languages (some with bounce words in their text, as traps).
 */
const FIXTURES = new URL("./fixtures/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", FIXTURES), "utf8")) as Record<
  string,
  { type: string; format: string; bounces: { recipient: string; kind: string; status: string | null }[] }
>;

describe("the hand-written bounce fixtures", () => {
  it("labels every fixture", () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".eml"));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("%s", async (file, label) => {
    const parsed = await parseBounceMessage(readFileSync(new URL(file, FIXTURES)), new Date("2026-02-01T00:00:00Z"));
    expect({ type: parsed.type, format: parsed.format, bounces: parsed.bounces.map(({ recipient, kind, status }) => ({ recipient, kind, status })) }).toEqual(
      label,
    );
  });
});
