import { describe, expect, it } from "vitest";
import { MAX_TRANSCRIPT_CHARS, MAX_TRANSCRIPT_LINES, Transcript } from "./transcript";

describe("Transcript", () => {
  it("keeps lines in order with who sent them", () => {
    const transcript = new Transcript();
    transcript.add("server", "220 mx.example ESMTP");
    transcript.add("client", "EHLO probe.example");
    expect(transcript.lines.map(({ from, line }) => [from, line])).toEqual([
      ["server", "220 mx.example ESMTP"],
      ["client", "EHLO probe.example"],
    ]);
    expect(transcript.lines.every(({ atMs }) => atMs >= 0)).toBe(true);
  });

  it("stops growing after MAX_TRANSCRIPT_LINES, and says so", () => {
    const transcript = new Transcript();
    for (let index = 0; index < MAX_TRANSCRIPT_LINES * 2; index++) transcript.add("server", "250-x");
    expect(transcript.lines).toHaveLength(MAX_TRANSCRIPT_LINES + 1);
    expect(transcript.lines.at(-1)).toMatchObject({ from: "note", line: "transcript cut here" });
  });

  it("stops growing past MAX_TRANSCRIPT_CHARS of long lines, and says so", () => {
    const transcript = new Transcript();
    const long = "x".repeat(4000);
    for (let index = 0; index < 100; index++) transcript.add("server", long);
    const kept = transcript.lines.slice(0, -1);
    expect(kept.reduce((chars, { line }) => chars + line.length, 0)).toBeLessThanOrEqual(MAX_TRANSCRIPT_CHARS);
    expect(kept).toHaveLength(Math.floor(MAX_TRANSCRIPT_CHARS / long.length));
    expect(transcript.lines.at(-1)).toMatchObject({ from: "note", line: "transcript cut here" });
  });
});
