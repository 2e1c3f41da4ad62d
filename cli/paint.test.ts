import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { paintFor, printable } from "./paint";

describe("printable", () => {
  it("turns control characters, which could drive a terminal, into single spaces", () => {
    expect(printable("550 5.1.1 \x1b[2JUser\r\nunknown\x07")).toBe("550 5.1.1 [2JUser unknown");
    expect(printable("a\u2028b\u0085c")).toBe("a b c");
  });

  it("leaves ordinary text alone, non-ASCII included", () => {
    expect(printable("Grüße aus Köln, 邮箱")).toBe("Grüße aus Köln, 邮箱");
  });
});

describe("paintFor", () => {
  it("adds no colour where the stream is not a terminal", () => {
    expect(paintFor(new PassThrough() as unknown as NodeJS.WriteStream)("deliverable", "deliverable")).toBe("deliverable");
  });
});
