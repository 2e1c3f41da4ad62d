import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProbeRequest, ProbeResponse } from "../../../shared/contract/probe";
import { HOP_HEADERS } from "../../../shared/hop";
import { requireHopSignature } from "../../../shared/hop/hono-middleware";
import { endlessBody } from "../../../shared/hop/testing/endless-body";
import { askProbers } from "./ask";
import { ProberHealthBook } from "./health";

const SECRETS = ["edge-ask-hop-key-0123456789abcdef"];
const PROBE: Omit<ProbeRequest, "budget_ms"> = {
  domain: "example.org",
  mx: [{ host: "mx.example.org", preference: 10 }],
  addresses: [{ address: "alice@example.org", smtputf8: false }],
};
const answerOf = (prober: string): ProbeResponse => ({
  prober,
  catch_all: false,
  results: [
    {
      address: "alice@example.org",
      reason: "mailbox_not_found",
      class: "mailbox_not_found",
      rule: "mailbox-not-found",
      host: "mx.example.org",
      code: 550,
      enhanced: "5.1.1",
      message: "User unknown",
      retry_after: null,
      duration_ms: 3,
    },
  ],
});

/** What a prober does to its signed answer on the way back. */
type Meddling = (answer: Response) => Promise<Response> | Response;

/**
 * Probers in this isolate: each is the real hop middleware on its own host in front of a
 * handler that answers at once, reached by routing fetch to it; `meddle` changes an answer
 * after it was signed, as someone on the way could.
 */
function probers(meddling: Record<string, Meddling | undefined>) {
  const entries = Object.keys(meddling).map((id) => ({ id, region: "eu", url: `https://${id}.probers.example` }));
  const apps = new Map(
    entries.map(({ id, url }) => {
      const app = new Hono();
      app.use("/v1/*", requireHopSignature({ secrets: SECRETS, host: new URL(url).host }));
      app.post("/v1/probe", (c) => c.json(answerOf(id)));
      return [new URL(url).host, { app, meddle: meddling[id] }] as const;
    }),
  );
  vi.stubGlobal("fetch", async (request: Request) => {
    const prober = apps.get(new URL(request.url).host)!;
    const answer = await prober.app.fetch(request);
    return prober.meddle ? prober.meddle(answer) : answer;
  });
  return entries;
}

const ask = (entries: ReturnType<typeof probers>, health = new ProberHealthBook()) =>
  askProbers(PROBE, { probers: entries, regionHint: "eu", health, secrets: SECRETS, deadline: Date.now() + 10_000 });

const withBody = (answer: Response, body: ConstructorParameters<typeof Response>[0]) => new Response(body, { status: answer.status, headers: answer.headers });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("askProbers and the prober's signed answer", () => {
  it("takes a signed answer", async () => {
    expect(await ask(probers({ eu1: undefined }))).toEqual({ kind: "answered", prober: "eu1", response: answerOf("eu1") });
  });

  it.each<[string, Meddling]>([
    ["a changed body", async (answer) => withBody(answer, (await answer.text()).replace("mailbox_not_found", "accepted"))],
    [
      "no signature",
      async (answer) => {
        const headers = new Headers(answer.headers);
        headers.delete(HOP_HEADERS.signature);
        return new Response(await answer.text(), { status: answer.status, headers });
      },
    ],
    ["a body that never ends", (answer) => withBody(answer, endlessBody().stream)],
  ])("refuses an answer with %s as that prober's failure, and fails over", async (_, meddle) => {
    const health = new ProberHealthBook();
    const answer = await ask(probers({ eu1: meddle, eu2: undefined }), health);
    expect(answer).toEqual({ kind: "answered", prober: "eu2", response: answerOf("eu2") });
    expect(health.isAvoided("eu1")).toBe(true);
  });

  it("refuses a genuine answer to another request", async () => {
    let earlier: Response | undefined;
    const replaying: Meddling = async (answer) => {
      // The first answer is kept and played back as the answer to the second request.
      earlier ??= answer.clone();
      return earlier.clone();
    };
    const entries = probers({ eu1: replaying });
    expect(await ask(entries)).toMatchObject({ kind: "answered", prober: "eu1" });
    expect(await ask(entries)).toEqual({ kind: "unavailable", tried: ["eu1"] });
  });
});
