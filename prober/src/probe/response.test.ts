import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PROBE_MESSAGE_CHARS, ProbeAddressResultSchema } from "../../../shared/contract/probe";
import { resultFromReply } from "../smtp/recipient-result";
import { cutMessage, toAddressResult, toProbeResponse, transcriptText } from "./response";

const accepted = resultFromReply("alice@example.org", { code: 250, enhanced: "2.1.5", lines: ["Ok"], text: "Ok" }, "rcpt");
const greylisted = resultFromReply(
  "bob@example.org",
  { code: 450, enhanced: "4.2.0", lines: ["Greylisted for 60 seconds"], text: "Greylisted for 60 seconds" },
  "rcpt",
);

describe("toAddressResult", () => {
  it("carries the server's reply, the host and the time", () => {
    expect(toAddressResult({ result: greylisted, host: "mx.example.org", durationMs: 41 })).toEqual({
      address: "bob@example.org",
      reason: "greylisted",
      class: "greylisted",
      rule: "greylisting",
      host: "mx.example.org",
      code: 450,
      enhanced: "4.2.0",
      message: "Greylisted for 60 seconds",
      retry_after: 60,
      duration_ms: 41,
    });
  });

  it("reads the answer of a prober that names no rule (an earlier version) as deciding row unknown", () => {
    const { rule, ...earlier } = toAddressResult({ result: greylisted, host: "mx.example.org", durationMs: 41 });
    expect(rule).toBe("greylisting");
    expect(ProbeAddressResultSchema.parse(earlier).rule).toBeNull();
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("cutMessage", () => {
  it("keeps a short text whole, and the start of a long one", () => {
    expect(cutMessage("User unknown")).toBe("User unknown");
    const long = `#5.1.1 ${"no such user here ".repeat(100)}`;
    const cut = cutMessage(long);
    expect(cut).toHaveLength(MAX_PROBE_MESSAGE_CHARS);
    expect(cut.startsWith("#5.1.1 no such user")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never leaves half a character, and always fits the contract", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const cut = cutMessage(text);
        expect(cut.length).toBeLessThanOrEqual(MAX_PROBE_MESSAGE_CHARS);
        expect(cut).not.toMatch(LONE_SURROGATE);
        expect(text.startsWith(cut.replace(/…$/, ""))).toBe(true);
      }),
    );
  });

  it("gives every address a message the edge accepts, however long the reply", () => {
    const text = "y".repeat(16_000);
    const result = toAddressResult({
      result: resultFromReply("a@example.org", { code: 550, enhanced: "5.1.1", lines: [text], text }, "rcpt"),
      host: "mx",
      durationMs: 1,
    });
    expect(ProbeAddressResultSchema.safeParse(result).success).toBe(true);
  });
});

describe("toProbeResponse", () => {
  const outcome = { settled: [{ result: accepted, host: "mx.example.org", durationMs: 5 }], catchAll: true };

  it("answers every requested address, a repeated one from its one result", () => {
    const response = toProbeResponse("probe.test", ["alice@example.org", "alice@example.org"], outcome);
    expect(response.results.map(({ address, reason }) => [address, reason])).toEqual([
      ["alice@example.org", "accepted"],
      ["alice@example.org", "accepted"],
    ]);
    expect(response).toMatchObject({ prober: "probe.test", catch_all: true });
    expect(response).not.toHaveProperty("transcript");
  });

  it("adds the transcript only when given one", () => {
    const response = toProbeResponse("probe.test", ["alice@example.org"], outcome, [{ atMs: 3, from: "server", line: "250 2.1.5 Ok" }]);
    expect(response.transcript).toEqual(["[3 ms] server: 250 2.1.5 Ok"]);
    expect(transcriptText({ atMs: 0, from: "note", line: "connected" })).toBe("[0 ms] note: connected");
  });
});
