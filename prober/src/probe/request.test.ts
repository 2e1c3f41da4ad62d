import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PROBE_ADDRESSES } from "../../../shared/contract/probe";
import { ApiError } from "../../../shared/http/api-error";
import { parseProbeRequest } from "./request";

const valid = {
  domain: "example.org",
  mx: [{ host: "mx1.example.org", preference: 10 }],
  addresses: [{ address: "alice@example.org", smtputf8: false }],
  budget_ms: 8000,
};

function refusal(body: unknown): string {
  try {
    parseProbeRequest(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    return error instanceof Error ? error.message : "";
  }
  throw new Error("the body was accepted");
}

describe("parseProbeRequest", () => {
  it("accepts a request of the contract", () => {
    expect(parseProbeRequest({ ...valid, transcript: true })).toEqual({ ...valid, transcript: true });
    expect(parseProbeRequest({ ...valid, domain: "Example.ORG.", addresses: [{ address: "δοκιμή@EXAMPLE.org", smtputf8: true }] }).addresses).toHaveLength(1);
  });

  it.each([
    ["no body", null, /expected object/],
    ["a missing field", { ...valid, budget_ms: undefined }, /budget_ms/],
    ["an unknown field", { ...valid, port: 2525 }, /port/],
    ["a budget out of range", { ...valid, budget_ms: 60_001 }, /budget_ms/],
    ["no MX host", { ...valid, mx: [] }, /^mx/],
    ["an MX host with a port", { ...valid, mx: [{ host: "mx.example.org:2525", preference: 10 }] }, /mx\[0\]\.host: must be an ASCII host name/],
    ["an MX host that is an IPv6 literal", { ...valid, mx: [{ host: "[::1]", preference: 10 }] }, /mx\[0\]\.host/],
    ["a domain with spaces", { ...valid, domain: "example .org" }, /^domain/],
    ["too many addresses", { ...valid, addresses: new Array(MAX_PROBE_ADDRESSES + 1).fill(valid.addresses[0]) }, /addresses/],
    [
      "an address at another domain",
      { ...valid, addresses: [{ address: "victim@elsewhere.example", smtputf8: false }] },
      /addresses\[0\]\.address: must be an address at the request's domain/,
    ],
    ["an address at a subdomain", { ...valid, addresses: [{ address: "a@sub.example.org", smtputf8: false }] }, /request's domain/],
    ["an address without a local part", { ...valid, addresses: [{ address: "@example.org", smtputf8: false }] }, /request's domain/],
    ["an address that smuggles a command", { ...valid, addresses: [{ address: "a@example.org>\r\nDATA", smtputf8: false }] }, /control characters/],
  ])("refuses %s with 400", (_, body, message) => {
    expect(refusal(body)).toMatch(message);
  });

  it("never quotes an address in its message", () => {
    expect(refusal({ ...valid, addresses: [{ address: "secret-person@elsewhere.example", smtputf8: false }] })).not.toContain("secret-person");
  });

  it("answers any JSON with a request or a 400, never anything else", () => {
    const anyBody = fc.oneof(
      fc.jsonValue(),
      fc.record({ domain: fc.string(), mx: fc.jsonValue(), addresses: fc.jsonValue(), budget_ms: fc.jsonValue() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(anyBody, (body) => {
        try {
          parseProbeRequest(body);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).status).toBe(400);
        }
      }),
    );
  });

  it("accepts every well-formed request, unchanged", () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join("."));
    const request = domain.chain((name) =>
      fc.record({
        domain: fc.constant(name),
        mx: fc.array(fc.record({ host: domain, preference: fc.integer({ min: 0, max: 65535 }) }), { minLength: 1, maxLength: 20 }),
        addresses: fc.array(fc.record({ address: fc.stringMatching(/^[a-z0-9.+_-]{1,30}$/).map((local) => `${local}@${name}`), smtputf8: fc.boolean() }), {
          minLength: 1,
          maxLength: MAX_PROBE_ADDRESSES,
        }),
        budget_ms: fc.integer({ min: 100, max: 60_000 }),
      }),
    );
    fc.assert(
      fc.property(request, (body) => {
        expect(parseProbeRequest(body)).toEqual(body);
      }),
    );
  });
});
