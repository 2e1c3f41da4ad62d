import { describe, expect, it } from "vitest";
import { NO_CAPABILITIES, parseCapabilities } from "./capabilities";
import { ReplyReader } from "./reply-reader";

function ehloReply(wire: string) {
  return new ReplyReader().push(Buffer.from(wire))[0]!;
}

describe("parseCapabilities", () => {
  it("reads the extensions a prober uses, whatever their case", () => {
    const capabilities = parseCapabilities(
      ehloReply(
        "250-mx.example Hello [192.0.2.7]\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250-starttls\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n",
      ),
    );
    expect(capabilities).toEqual({
      pipelining: true,
      starttls: true,
      smtputf8: true,
      eightBitMime: true,
      size: 35882577,
      keywords: new Set(["SIZE", "8BITMIME", "STARTTLS", "ENHANCEDSTATUSCODES", "PIPELINING", "SMTPUTF8"]),
    });
  });

  it("does not take the greeting line for a keyword", () => {
    expect(parseCapabilities(ehloReply("250 PIPELINING\r\n"))).toEqual(NO_CAPABILITIES);
  });

  it("reads SIZE without a limit as 0", () => {
    expect(parseCapabilities(ehloReply("250-mx.example\r\n250 SIZE\r\n")).size).toBe(0);
  });
});
