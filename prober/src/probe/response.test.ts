import { describe, expect, it } from "vitest";
import { resultFromReply } from "../smtp/recipient-result";
import { toAddressResult, toProbeResponse, transcriptText } from "./response";

const accepted = resultFromReply("alice@example.org", { code: 250, enhanced: "2.1.5", lines: ["Ok"], text: "Ok" }, "rcpt");
const greylisted = resultFromReply("bob@example.org", { code: 450, enhanced: "4.2.0", lines: ["Greylisted for 60 seconds"], text: "Greylisted for 60 seconds" }, "rcpt");

describe("toAddressResult", () => {
  it("carries the server's reply, the host and the time", () => {
    expect(toAddressResult({ result: greylisted, host: "mx.example.org", durationMs: 41 })).toEqual({
      address: "bob@example.org",
      reason: "greylisted",
      class: "greylisted",
      host: "mx.example.org",
      code: 450,
      enhanced: "4.2.0",
      message: "Greylisted for 60 seconds",
      retry_after: 60,
      duration_ms: 41,
    });
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
