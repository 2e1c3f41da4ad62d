import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_LINE_BYTES, MAX_LINES_PER_REPLY, MAX_REPLY_BYTES, ReplyReader } from "./reply-reader";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("ReplyReader", () => {
  it("reads a multi-line reply, with the enhanced code taken off every line", () => {
    const reader = new ReplyReader();
    const [reply] = reader.push(
      bytes(
        "550-5.1.1 The email account that you tried to reach does not exist.\r\n550-5.1.1 double-checking\r\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n",
      ),
    );
    expect(reply).toEqual({
      code: 550,
      enhanced: "5.1.1",
      lines: ["The email account that you tried to reach does not exist.", "double-checking", " https://support.google.com/mail/?p=NoSuchUser - gsmtp"],
      text: "The email account that you tried to reach does not exist.\ndouble-checking\n https://support.google.com/mail/?p=NoSuchUser - gsmtp",
    });
  });

  it("accepts bare LF, a code without text, and replies split anywhere across chunks", () => {
    const reader = new ReplyReader();
    const wire = "220 mx.example ESMTP\n250\r\n221 2.0.0 Bye\r\n";
    const replies = [...wire].flatMap((character) => reader.push(bytes(character)));
    expect(replies.map((reply) => [reply.code, reply.enhanced, reply.text])).toEqual([
      [220, null, "mx.example ESMTP"],
      [250, null, ""],
      [221, "2.0.0", "Bye"],
    ]);
  });

  it("decodes UTF-8 split across chunks", () => {
    const reader = new ReplyReader();
    const wire = bytes("550 Пользователь не найден\r\n");
    expect([...reader.push(wire.subarray(0, 7)), ...reader.push(wire.subarray(7))][0]!.text).toBe("Пользователь не найден");
  });

  it("cuts overlong lines and keeps reading", () => {
    const reader = new ReplyReader();
    const replies = reader.push(bytes(`550 ${"x".repeat(MAX_LINE_BYTES * 3)}\r\n250 OK\r\n`));
    expect(replies).toHaveLength(2);
    expect(replies[0]!.text.length).toBe(MAX_LINE_BYTES - 4);
    expect(replies[1]!.text).toBe("OK");
  });

  it("reads a reply of MAX_LINES_PER_REPLY lines, and stops at a longer one, keeping the replies before it", () => {
    const reader = new ReplyReader();
    const longest = `${"250-x\r\n".repeat(MAX_LINES_PER_REPLY - 1)}250 end\r\n`;
    expect(reader.push(bytes(longest))[0]!.lines).toHaveLength(MAX_LINES_PER_REPLY);
    const replies = reader.push(bytes(`220 ok\r\n250-first\r\n${"250-x\r\n".repeat(MAX_LINES_PER_REPLY * 10)}250 end\r\n`));
    expect(replies.map((reply) => reply.text)).toEqual(["ok"]);
    expect(reader.failure).toEqual({ kind: "reply_too_large", start: "first" });
    expect(reader.push(bytes("250 more\r\n"))).toEqual([]);
  });

  it("stops at a reply of more than MAX_REPLY_BYTES, however its lines are cut", () => {
    const reader = new ReplyReader();
    const line = `250-${"y".repeat(MAX_LINE_BYTES * 2)}\r\n`;
    const lines = Math.ceil(MAX_REPLY_BYTES / MAX_LINE_BYTES) + 1;
    expect(reader.push(bytes(`${line.repeat(lines)}250 end\r\n`))).toEqual([]);
    expect(reader.failure).toMatchObject({ kind: "reply_too_large" });
  });

  it("holds no more than one reply's worth of text, whatever a server sends", () => {
    const replyish = fc.array(fc.oneof(fc.constantFrom("250-", "250 ", "\r\n"), fc.string({ maxLength: 6000 })), { maxLength: 200 });
    fc.assert(
      fc.property(replyish, (parts) => {
        const reader = new ReplyReader();
        for (const part of parts) {
          for (const reply of reader.push(bytes(part))) {
            expect(reply.lines.length).toBeLessThanOrEqual(MAX_LINES_PER_REPLY);
            expect(Buffer.byteLength(reply.text)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
          }
          expect(Buffer.byteLength(reader.unfinished)).toBeLessThanOrEqual(MAX_REPLY_BYTES + MAX_LINE_BYTES);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("stops at a line that is not a reply line", () => {
    const reader = new ReplyReader();
    expect(reader.push(bytes("220 ok\r\nHTTP/1.1 400 Bad Request\r\n250 later\r\n"))).toHaveLength(1);
    expect(reader.failure).toEqual({ kind: "invalid_line", line: "HTTP/1.1 400 Bad Request" });
    expect(reader.push(bytes("250 more\r\n"))).toEqual([]);
  });

  it("remembers an unfinished reply, and shows every line to its observer", () => {
    const seen: string[] = [];
    const reader = new ReplyReader((line) => seen.push(line));
    reader.push(bytes("250-mx.example\r\n250-PIPELINING\r\n250-SIZ"));
    expect(reader.unfinished).toBe("mx.example\nPIPELINING\nSIZ");
    expect(seen).toEqual(["250-mx.example", "250-PIPELINING"]);
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (chunks) => {
        const reader = new ReplyReader();
        for (const chunk of chunks) reader.push(chunk);
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 1000) },
    );
  });

  it("never throws on reply-like garbage", () => {
    const replyish = fc.array(fc.oneof(fc.constantFrom("250-", "250 ", "550 5.1.1 ", "\r\n", "\n", "\r", "-", " ", "9"), fc.string()), { maxLength: 60 });
    fc.assert(
      fc.property(replyish, (parts) => {
        const reader = new ReplyReader();
        for (const reply of reader.push(bytes(parts.join("")))) expect(reply.code).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 1000) },
    );
  });
});
