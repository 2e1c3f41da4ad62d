import { afterEach, describe, expect, it, vi } from "vitest";
import { type ParsedAddress, parseAddress } from "../../shared/address/parse";
import { type ProbeAddressResult, type ProbeRequest, ProbeRequestSchema } from "../../shared/contract/probe";
import type { Reason } from "../../shared/contract/taxonomy";
import type { ProberReview } from "./probers/review";
import { inIsolateProbers, type TestProber } from "./probers/testing/in-isolate-probers";
import { checkSmtp } from "./smtp-step";

const MX = [{ host: "mx.block-test.example", preference: 10 }];

/** What each prober's server says: a block, or the mailbox's own answer. */
const BLOCK: Omit<ProbeAddressResult, "address"> = {
  reason: "blocked",
  class: "blocked",
  rule: "block-list",
  host: MX[0]!.host,
  code: 554,
  enhanced: "5.7.1",
  message: "Client host rejected: listed in bl.example",
  retry_after: null,
  duration_ms: 2,
};
const ACCEPT: Omit<ProbeAddressResult, "address"> = {
  ...BLOCK,
  reason: "accepted",
  class: "accepted",
  rule: "success",
  code: 250,
  enhanced: "2.1.5",
  message: "Ok",
};

/** Probers that answer every address the same way; `asked` lists who was asked, in order. */
function probers(answers: Record<string, { region: string; answer: Omit<ProbeAddressResult, "address"> }>) {
  const asked: string[] = [];
  const { settings } = inIsolateProbers(
    Object.fromEntries(
      Object.entries(answers).map(([id, { region, answer }]) => [
        id,
        {
          region,
          routes: (app) =>
            app.post("/v1/probe", async (c) => {
              asked.push(id);
              const probe: ProbeRequest = ProbeRequestSchema.parse(await c.req.json());
              return c.json({ prober: id, catch_all: false, results: probe.addresses.map(({ address }) => ({ address, ...answer })) });
            }),
        } satisfies TestProber,
      ]),
    ),
  );
  return { settings, asked };
}

/** A review that remembers what it was told. */
function review(degraded: string[] = []) {
  const notes: [string, string, string | null | undefined][] = [];
  const value: ProberReview = { degraded: new Set(degraded), noteAnswer: (...note) => notes.push(note) };
  return { value, notes };
}

const address = (email: string) => (parseAddress(email) as { address: ParsedAddress }).address;
const reasons = (outcomes: { facts: { reason: Reason } }[]) => outcomes.map((outcome) => outcome.facts.reason);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("checkSmtp and block replies", () => {
  it("asks another prober, in another region first, about addresses one was blocked on, and notes the block", async () => {
    const { settings, asked } = probers({
      eu1: { region: "eu", answer: BLOCK },
      eu2: { region: "eu", answer: ACCEPT },
      us1: { region: "us", answer: ACCEPT },
    });
    const { value, notes } = review();
    const outcomes = await checkSmtp([address("ann@block-test.example"), address("bob@block-test.example")], MX, {
      settings,
      regionHint: "eu",
      deadline: Date.now() + 10_000,
      transcript: false,
      review: value,
    });
    expect(reasons(outcomes)).toEqual(["accepted", "accepted"]);
    expect(outcomes.map((outcome) => [outcome.facts.info.prober, outcome.blockedBy])).toEqual([
      ["us1", []],
      ["us1", []],
    ]);
    expect(asked).toEqual(["eu1", "us1"]);
    expect(notes).toEqual([
      ["eu1", "block-test.example", "block-list"],
      ["us1", "block-test.example", undefined],
    ]);
  });

  it("lets the block stand, naming every prober that met it, when all are blocked", async () => {
    const { settings, asked } = probers({ eu1: { region: "eu", answer: BLOCK }, us1: { region: "us", answer: BLOCK } });
    const outcomes = await checkSmtp([address("ann@block-test.example")], MX, {
      settings,
      regionHint: "eu",
      deadline: Date.now() + 10_000,
      transcript: false,
      review: review().value,
    });
    expect(reasons(outcomes)).toEqual(["blocked"]);
    expect(outcomes[0]!.blockedBy).toEqual(["eu1", "us1"]);
    expect(asked).toEqual(["eu1", "us1"]);
  });

  it("sends work past a degraded prober, even in the caller's region", async () => {
    const { settings, asked } = probers({ eu1: { region: "eu", answer: ACCEPT }, us1: { region: "us", answer: ACCEPT } });
    const outcomes = await checkSmtp([address("ann@block-test.example")], MX, {
      settings,
      regionHint: "eu",
      deadline: Date.now() + 10_000,
      transcript: false,
      review: review(["eu1"]).value,
    });
    expect(outcomes[0]!.facts.info.prober).toBe("us1");
    expect(asked).toEqual(["us1"]);
  });

  it("uses a degraded prober when it is the only one left", async () => {
    const { settings, asked } = probers({ eu1: { region: "eu", answer: ACCEPT }, us1: { region: "us", answer: BLOCK } });
    const outcomes = await checkSmtp([address("ann@block-test.example")], MX, {
      settings,
      regionHint: "us",
      deadline: Date.now() + 10_000,
      transcript: false,
      review: review(["eu1"]).value,
    });
    expect(reasons(outcomes)).toEqual(["accepted"]);
    expect(asked).toEqual(["us1", "eu1"]);
  });
});
