import { createExecutionContext, SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { VerifyResultSchema } from "../../../shared/contract/schemas";
import { createApp } from "../app";

const verifyGet = (query: string) => SELF.fetch(`http://edge/v1/verify?${query}`);
const verifyPost = (body: string, contentType = "application/json") =>
  SELF.fetch("http://edge/v1/verify", { method: "POST", headers: { "content-type": contentType }, body });
const resultOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return VerifyResultSchema.parse(await response.json());
};
const errorOf = async (response: Response, status = 400) => {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toBeTruthy();
  return body.error;
};

// Domains of the local DNS peer (infra/local/dns); without it these suites are skipped.
const dnsPeer = inject("dnsPeerUrl");

describe("GET /v1/verify?smtp=false, offline facts", () => {
  it("converts an IDN domain to A-labels and keeps the Unicode form for display", async () => {
    const result = await resultOf(await verifyGet(`email=${encodeURIComponent("用户@例子.广告")}&smtp=false`));
    expect(result.normalized).toBe("用户@xn--fsqu00a.xn--4rr70v");
    expect(result.domain).toMatchObject({ name: "例子.广告", ascii: "xn--fsqu00a.xn--4rr70v" });
  });

  it("calls bad syntax undeliverable/invalid_syntax", async () => {
    const result = await resultOf(await verifyGet("email=john..doe@example.org&smtp=false"));
    expect(result).toMatchObject({ verdict: "undeliverable", reason: "invalid_syntax", normalized: null, domain: null, score: 0 });
  });

  it("calls a reserved domain undeliverable/invalid_domain", async () => {
    const result = await resultOf(await verifyGet("email=someone@shop.test&smtp=false"));
    expect(result).toMatchObject({ verdict: "undeliverable", reason: "invalid_domain" });
  });
});

describe.skipIf(dnsPeer === null)("GET /v1/verify?smtp=false, with DNS", () => {
  it("answers a good address with unknown/smtp_skipped, its normalized form and its MX hosts", async () => {
    const result = await resultOf(await verifyGet("email=Alice.Smith@Multi-MX.Mailvet-Fixture.NET&smtp=false"));
    expect(result).toMatchObject({
      email: "Alice.Smith@Multi-MX.Mailvet-Fixture.NET",
      normalized: "Alice.Smith@multi-mx.mailvet-fixture.net",
      verdict: "unknown",
      reason: "smtp_skipped",
      domain: { name: "multi-mx.mailvet-fixture.net", ascii: "multi-mx.mailvet-fixture.net" },
      smtp: { performed: false },
    });
    expect(result.domain?.mx.map((mx) => mx.preference)).toEqual([10, 20, 30]);
  });

  it("calls a disposable domain risky/disposable, and flags it", async () => {
    const result = await resultOf(await verifyGet("email=someone@mailinator.com&smtp=false"));
    expect(result).toMatchObject({ verdict: "risky", reason: "disposable", flags: { disposable: true } });
  });

  it("flags role and free addresses", async () => {
    const role = await resultOf(await verifyGet("email=info@gmail.com&smtp=false"));
    expect(role).toMatchObject({ reason: "smtp_skipped", flags: { role: true, free: true, disposable: false } });
  });

  it("suggests a fix for a typo without letting it change the verdict", async () => {
    const typo = await resultOf(await verifyGet("email=someone@gmail.con&smtp=false"));
    // gmail.con does not exist: DNS decides, the suggestion only helps the user.
    expect(typo).toMatchObject({ suggestion: "someone@gmail.com", verdict: "undeliverable", reason: "invalid_domain" });
  });

  it("answers smtp=true with smtp_skipped when no prober is configured", async () => {
    const result = await resultOf(await verifyGet("email=someone@multi-mx.mailvet-fixture.net"));
    expect(result.reason).toBe("smtp_skipped");
  });

  it("takes the same request as JSON", async () => {
    const result = await resultOf(await verifyPost(JSON.stringify({ email: "Bob@Multi-MX.mailvet-fixture.net", smtp: false, timeout_ms: 2000 })));
    expect(result).toMatchObject({ normalized: "Bob@multi-mx.mailvet-fixture.net", reason: "smtp_skipped" });
  });
});

describe("POST /v1/verify", () => {
  it("judges a lone surrogate or NUL in the address as invalid syntax, not an error", async () => {
    for (const email of ["\ud800@example.com", "a\u0000b@example.com", ""]) {
      expect((await resultOf(await verifyPost(JSON.stringify({ email })))).reason).toBe("invalid_syntax");
    }
  });
});

describe("malformed requests get 400 with a reason", () => {
  it.each([
    ["no email", () => verifyGet("smtp=false")],
    ["an email over 1,000 characters", () => verifyGet(`email=${"a".repeat(995)}%40b.com`)],
    ["10,000 @ signs", () => verifyGet(`email=${"%40".repeat(10_000)}`)],
    ["timeout_ms out of range", () => verifyGet("email=a@b.com&timeout_ms=10")],
    ["timeout_ms not a number", () => verifyGet("email=a@b.com&timeout_ms=soon")],
    ["smtp not a boolean", () => verifyGet("email=a@b.com&smtp=maybe")],
    ["transcript not a boolean", () => verifyGet("email=a@b.com&transcript=please")],
    ["a body that is not JSON", () => verifyPost("{email:")],
    ["a JSON body without email", () => verifyPost("{}")],
    ["a JSON email that is not a string", () => verifyPost('{"email": 42}')],
    ["1 MB of text as the address", () => verifyPost(JSON.stringify({ email: "x".repeat(1024 * 1024) }))],
    ["a body that is not JSON at all", () => verifyPost("email=a@b.com", "application/x-www-form-urlencoded")],
  ])("%s", async (_, send) => {
    const error = await errorOf(await send());
    expect(error.code).toMatch(/^invalid_/);
  });

  it("refuses a query that is not UTF-8 instead of judging mangled text", async () => {
    expect((await errorOf(await verifyGet("email=%FF%FE@example.com"))).code).toBe("invalid_encoding");
    expect((await errorOf(await verifyGet("email=%ED%A0%80@example.com"))).code).toBe("invalid_encoding");
  });

  it("answers an unknown route with a JSON 404", async () => {
    expect((await errorOf(await SELF.fetch("http://edge/v2/nothing"), 404)).code).toBe("not_found");
  });
});

describe("API keys", () => {
  const app = createApp();
  const withKeys = { ...env, MAILVET_API_KEYS: "first-key-0123456789,second-key-0123456789" };
  const call = (authorization?: string) =>
    app.fetch(
      new Request("http://edge/v1/verify?email=a@example-shop.com&smtp=false", {
        headers: authorization ? { authorization } : {},
      }),
      withKeys,
      createExecutionContext(),
    );

  it("needs a valid bearer key on /v1/* when MAILVET_API_KEYS is set", async () => {
    expect((await errorOf(await call(), 401)).code).toBe("unauthorized");
    expect((await errorOf(await call("Bearer wrong-key"), 401)).code).toBe("unauthorized");
    expect((await call("Bearer second-key-0123456789")).status).toBe(200);
  });

  it("leaves /healthz open", async () => {
    expect((await app.fetch(new Request("http://edge/healthz"), withKeys, createExecutionContext())).status).toBe(200);
  });
});
