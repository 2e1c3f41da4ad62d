import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitMbox } from "./mbox";

const separator = (index: number) => `From MAILER-DAEMON Thu Jan  1 00:00:${String(index).padStart(2, "0")} 2026\n`;

/** Writes messages the mboxrd way: every `>*From ` line gets one more `>`. */
function writeMboxrd(messages: string[]): string {
  return messages.map((message, index) => `${separator(index)}${message.replace(/^(>*From )/gm, ">$1")}\n`).join("");
}

describe("splitMbox", () => {
  it("splits at separator lines and unescapes >From", () => {
    const mbox = `${separator(0)}Subject: one\n\n>From here\n>>From there\n\n${separator(1)}Subject: two\r\n\r\nbody\r\n`;
    expect(splitMbox(mbox)).toEqual(["Subject: one\n\nFrom here\n>From there\n", "Subject: two\r\n\r\nbody\r\n"]);
  });

  it("does not split at a From line inside a paragraph or without a date", () => {
    expect(splitMbox(`${separator(0)}Subject: one\n\nFrom me to you\nFrom a@example.org Thu Jan  1 00:00:00 2026\n`)).toHaveLength(1);
  });

  it("takes a text without separators as one message", () => {
    expect(splitMbox("Subject: lone\n\nbody\n")).toEqual(["Subject: lone\n\nbody\n"]);
    expect(splitMbox("")).toEqual([]);
  });

  it("gives back every message written the mboxrd way", () => {
    const body = fc.array(
      fc.oneof(
        fc.constantFrom("From me", ">From you", "", "Subject: x"),
        fc.string({ maxLength: 30 }).map((line) => line.replace(/[\r\n]/g, "")),
      ),
      { maxLength: 8 },
    );
    const message = body.map((lines) => `Subject: m\n\n${lines.map((line) => `${line}\n`).join("")}`);
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), (messages) => {
        expect(splitMbox(writeMboxrd(messages))).toEqual(messages);
      }),
    );
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(Array.isArray(splitMbox(text))).toBe(true);
      }),
    );
  });
});
