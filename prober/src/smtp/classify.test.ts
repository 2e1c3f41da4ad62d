import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyReply, normaliseReplyText } from "./classify";
import { REPLY_CLASSES, type ReplyClass, type SmtpStage } from "./reply-class";
import { statedRetryDelaySeconds } from "./retry-delay";

interface CorpusRecord {
  id: string;
  stage: SmtpStage;
  code: number;
  enhanced: string | null;
  text: string;
  classification: ReplyClass;
  note: string;
}

// The reply corpus, kept in the repo with its sources (test/fixtures/smtp-replies).
const corpusUrl = new URL("../../../test/fixtures/smtp-replies/replies.jsonl", import.meta.url);
const corpus: CorpusRecord[] = readFileSync(corpusUrl, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusRecord);

/**
 * Records whose label we do not reproduce, each with the argument. Empty: the classifier
 * agrees with every record, including the nine `data` (post-DATA bounce) records, which are
 * classified like RCPT replies because they judge the same recipient.
 */
const ACCEPTED_DIFFERENCES: Readonly<Record<string, { ours: ReplyClass; why: string }>> = {};

describe("classifyReply against the reply corpus", () => {
  it("reads all 146 records", () => {
    expect(corpus).toHaveLength(146);
  });

  it.each(corpus.map((record) => [record.id, record] as const))("%s", (_id, record) => {
    const result = classifyReply(record);
    const expected = ACCEPTED_DIFFERENCES[record.id]?.ours ?? record.classification;
    expect(result.class, `rule ${result.rule}; note: ${record.note}`).toBe(expected);
  });

  it("keeps no stale accepted difference", () => {
    for (const id of Object.keys(ACCEPTED_DIFFERENCES)) expect(corpus.some((record) => record.id === id)).toBe(true);
  });

  it("gives a retry delay only where the text states one", () => {
    for (const record of corpus) {
      const result = classifyReply(record);
      expect(result.retryAfterSeconds).toBe(statedRetryDelaySeconds(normaliseReplyText(record.text)));
    }
  });

  it("never reads a 421 about the session as greylisting, whatever host name it quotes", () => {
    for (const text of [
      "mx-greylist.example.org Error: too many errors",
      "greylist.example.net Error: too many connections from 192.0.2.7",
      "Try again later, closing connection. (MAIL)",
    ]) {
      expect(classifyReply({ stage: "rcpt", code: 421, enhanced: "4.7.0", text })).toMatchObject({ class: "rate_limited", reason: "deferred" });
    }
    expect(
      classifyReply({ stage: "rcpt", code: 450, enhanced: "4.2.0", text: "<a@mx-greylist.example.org>: Recipient address rejected: User unknown" }).class,
    ).not.toBe("greylisted");
  });
});

describe("normaliseReplyText", () => {
  it("lowers case, drops Latin accents, straightens apostrophes and folds white space", () => {
    expect(normaliseReplyText("Le compte est\n  BLOQUÉ — l’adresse")).toBe("le compte est bloque — l'adresse");
  });

  it("leaves Cyrillic and Japanese letters whole", () => {
    expect(normaliseReplyText("Пользователь не найден")).toBe("пользователь не найден");
    expect(normaliseReplyText("ご確認ください")).toBe("ご確認ください");
  });
});

describe("classifyReply on arbitrary input", () => {
  const stages = fc.constantFrom<SmtpStage>("connect", "ehlo", "mail", "rcpt", "data");

  it("never throws and always gives a known class", () => {
    fc.assert(
      fc.property(stages, fc.integer(), fc.option(fc.string()), fc.string({ unit: "grapheme", maxLength: 600 }), (stage, code, enhanced, text) => {
        const result = classifyReply({ stage, code, enhanced, text });
        expect(REPLY_CLASSES).toContain(result.class);
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 2000) },
    );
  });

  it("stays fast on long, repetitive text", () => {
    const text = "user ".repeat(20_000) + "a".repeat(50_000);
    expect(classifyReply({ stage: "rcpt", code: 550, text }).class).toBeDefined();
  });
});
