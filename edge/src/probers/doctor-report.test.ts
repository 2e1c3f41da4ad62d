import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DoctorReport } from "../../../shared/contract/doctor";
import { requireHopSignature } from "../../../shared/hop/hono-middleware";
import { handleError } from "../../../shared/http/error-handler";
import { askDoctor } from "./doctor-report";

const SECRETS = ["edge-doctor-hop-key-0123456789abcdef"];
const REPORT: DoctorReport = {
  prober: { id: null, region: null },
  at: "2026-12-04T01:00:00.000Z",
  egress: { ipv4: ["192.0.2.25"], ipv6: [] },
  helo: "probe.example.net",
  mail_from: "verify@example.net",
  checks: [{ id: "ptr", status: "pass", summary: "fine", fix: null }],
  block_replies: [],
  status: "pass",
};

/** A prober in this isolate: the real hop middleware in front of a doctor that answers `body`. */
function prober(body: unknown, meddle: (answer: Response) => Promise<Response> = async (answer) => answer) {
  const entry = { id: "eu1", region: "eu", url: "https://eu1.probers.example" };
  const app = new Hono();
  app.use("/v1/*", requireHopSignature({ secrets: SECRETS, host: new URL(entry.url).host }));
  app.get("/v1/doctor", (c) => c.json(body as object));
  app.onError(handleError);
  vi.stubGlobal("fetch", async (request: Request) => meddle(await app.fetch(request)));
  return entry;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("askDoctor", () => {
  it("takes a signed report, named as MAILVET_PROBERS names the prober", async () => {
    expect(await askDoctor(prober(REPORT), SECRETS)).toEqual({
      id: "eu1",
      region: "eu",
      report: { ...REPORT, prober: { id: "eu1", region: "eu" } },
      error: null,
    });
  });

  it("refuses a changed answer, and one that is not a report, in words", async () => {
    const changed = prober(
      REPORT,
      async (answer) => new Response((await answer.text()).replace('"pass"', '"fail"'), { status: answer.status, headers: answer.headers }),
    );
    expect(await askDoctor(changed, SECRETS)).toMatchObject({ report: null, error: expect.stringMatching(/^could not ask the prober: /) });
    expect(await askDoctor(prober({ ok: true }), SECRETS)).toMatchObject({
      report: null,
      error: "the prober's answer is not a doctor report (an older prober?)",
    });
  });

  it("says what a prober that refuses answered, and that one out of reach could not be asked", async () => {
    expect(await askDoctor(prober(REPORT), ["another-hop-key-0123456789abcdef"])).toEqual({
      id: "eu1",
      region: "eu",
      report: null,
      error: "the prober answered 401",
    });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("connection refused");
    });
    expect(await askDoctor({ id: "eu2", region: "eu", url: "https://eu2.probers.example" }, SECRETS)).toMatchObject({
      error: "could not ask the prober: connection refused",
    });
  });
});
