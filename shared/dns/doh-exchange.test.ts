import { describe, expect, inject, it } from "vitest";
import { createDohExchange } from "./doh-exchange";
import { encodeQuery } from "./encode-query";
import { QUERY_TYPES } from "./message";
import type {} from "./testing/provided-context";

const peer = inject("dnsPeerUrl");
const stubs = inject("stubUpstreamsUrl");
const question = { name: "multi-mx.mailvet-fixture.net", code: QUERY_TYPES.MX };
const query = encodeQuery(question.name, "MX")!;

describe("createDohExchange with upstreams that fail", () => {
  const exchange = createDohExchange(300);

  it.each([
    ["hang", "no answer within 300 ms"],
    ["garbage", /^malformed answer: |^answer is not for the question asked$/],
    ["servfail", "SERVFAIL"],
    ["http-error", "HTTP 503 text/plain"],
    ["missing", "HTTP 404"],
  ])(
    "says what went wrong with an upstream that does %s",
    async (route, detail) => {
      const result = await exchange(`${stubs}/${route}`, query, question);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.detail).toMatch(detail);
    },
    20_000,
  );
});

describe.skipIf(peer === null)("createDohExchange against the local DNS peer", () => {
  const exchange = createDohExchange(2000);

  it("returns NOERROR and NXDOMAIN answers", async () => {
    expect(await exchange(peer!, query, question)).toMatchObject({ ok: true, message: { rcode: 0 } });
    const gone = { name: "nope.mailvet-fixture.net", code: QUERY_TYPES.MX };
    expect(await exchange(peer!, encodeQuery(gone.name, "MX")!, gone)).toMatchObject({ ok: true, message: { rcode: 3 } });
  });

  it("refuses an answer to another question", async () => {
    expect(await exchange(peer!, encodeQuery(question.name, "A")!, question)).toEqual({ ok: false, detail: "answer is not for the question asked" });
  });

  it("uses GET, and POST once an upstream refuses GET", async () => {
    expect(await exchange(`${stubs}/get-only`, query, question)).toMatchObject({ ok: true });
    expect(await exchange(`${stubs}/post-only`, query, question)).toMatchObject({ ok: true });
    expect(await exchange(`${stubs}/post-only`, query, question)).toMatchObject({ ok: true });
  });
});
