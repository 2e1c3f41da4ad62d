import { env, SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { healthz } from "./healthz";

it("says an edge without probers checks no SMTP, and nothing else about it", async () => {
  const response = await SELF.fetch("http://edge/healthz");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true, smtp: "off", note: "no prober is configured (MAILVET_PROBERS): SMTP was not checked" });
});

it("says SMTP is on when probers are configured, without naming them", async () => {
  const probers = '[{"id":"eu1","region":"eu","url":"https://prober-eu1.example.net"}]';
  const response = await healthz.request("/healthz", {}, { ...env, MAILVET_PROBERS: probers });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true, smtp: "on" });
});

describe.skipIf(inject("dnsPeerUrl") === null)("results of an edge without probers (the local DoH peer)", () => {
  async function smtpOf(query: string): Promise<unknown> {
    const response = await SELF.fetch(`http://edge/v1/verify?email=someone%40multi-mx.mailvet-fixture.net&${query}`);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { reason: string; smtp: unknown };
    expect(result.reason).toBe("smtp_skipped");
    return result.smtp;
  }

  it("tells each result that needed SMTP why it was skipped", async () => {
    expect(await smtpOf("smtp=true")).toEqual({ performed: false, message: "no prober is configured (MAILVET_PROBERS): SMTP was not checked" });
  });

  it("says nothing of probers where the caller did not ask for SMTP", async () => {
    expect(await smtpOf("smtp=false")).toEqual({ performed: false });
  });
});
