import { describe, expect, inject, it } from "vitest";
import type { AnswerCache } from "./answer-cache";
import { createDohResolver } from "./doh-resolver";
import { createMemoryCache } from "./memory-cache";
import type {} from "./testing/provided-context";

const peer = inject("dnsPeerUrl");
const stubs = inject("stubUpstreamsUrl");
/** Nothing listens on port 2 of loopback (port 1 is one fetch will not even try). */
const REFUSING = "http://127.0.0.1:2/dns-query";
/** Generous: the hanging upstream costs one short per-query timeout, on a noisy machine. */
const SLOW_TEST_MS = 20_000;
const fixture = (label: string) => `${label}.mailvet-fixture.net`;

describe("createDohResolver with upstreams that fail", () => {
  it(
    "gives dns_error naming every upstream's failure, and caches none of them",
    async () => {
      const upstreams = [`${stubs}/hang`, `${stubs}/garbage`, `${stubs}/servfail`, `${stubs}/http-error`, REFUSING];
      const resolver = createDohResolver({ upstreams, timeoutMs: 300 });
      const outcome = await resolver.lookup("example.net", "MX");
      expect(outcome.kind).toBe("dns_error");
      const detail = outcome.kind === "dns_error" ? outcome.detail : "";
      expect(detail).toMatch(/no answer within 300 ms/);
      expect(detail).toMatch(/malformed answer|not for the question/);
      expect(detail).toMatch(/SERVFAIL/);
      expect(detail).toMatch(/HTTP 503/);
      expect(detail).toMatch(/unreachable: fetch failed \(ECONNREFUSED\)/);
      await resolver.lookup("example.net", "MX");
      expect(resolver.stats()).toEqual({ lookups: 2, cacheHits: 0, upstreamQueries: 10 });
    },
    SLOW_TEST_MS,
  );

  it("never sends a name that cannot be a DNS name", async () => {
    const resolver = createDohResolver({ upstreams: [REFUSING] });
    expect(await resolver.lookup("a..example.net", "A")).toMatchObject({ kind: "dns_error", detail: expect.stringMatching(/not a DNS name/) });
    expect(resolver.stats().upstreamQueries).toBe(0);
  });
});

describe.skipIf(peer === null)("createDohResolver against the local DNS peer", () => {
  const dohUrl = peer!;

  it("reads several MX records, and MX records behind a CNAME chain", async () => {
    const resolver = createDohResolver({ upstreams: [dohUrl] });
    const exchanges = async (domain: string) => {
      const outcome = await resolver.lookup(domain, "MX");
      return outcome.kind === "records" ? outcome.records.map((record) => `${record.preference} ${record.exchange}`).sort() : outcome;
    };
    const multi = ["10 mx1", "20 mx2", "30 mx3"].map((mx) => `${mx}.multi-mx.mailvet-fixture.net`);
    expect(await exchanges(fixture("multi-mx"))).toEqual(multi);
    expect(await exchanges(fixture("cname-mx"))).toEqual(multi);
  });

  it("reads A and AAAA records", async () => {
    const resolver = createDohResolver({ upstreams: [dohUrl] });
    expect(await resolver.lookup(fixture("mx1.multi-mx"), "A")).toMatchObject({ records: [{ type: "A", address: "127.0.0.11" }] });
    expect(await resolver.lookup(fixture("mx3.multi-mx"), "AAAA")).toMatchObject({ records: [{ type: "AAAA", address: "::1" }] });
  });

  it("answers NXDOMAIN inside and outside the fixture zones, and for an A-label zone MX", async () => {
    const resolver = createDohResolver({ upstreams: [dohUrl] });
    expect(await resolver.lookup(fixture("nope"), "MX")).toMatchObject({ kind: "nxdomain" });
    expect(await resolver.lookup("unregistered-fixture.net", "MX")).toMatchObject({ kind: "nxdomain" });
    expect(await resolver.lookup("xn--mailvet-prfung-psb.net", "MX")).toMatchObject({ kind: "records" });
  });

  it("gives dns_error for SERVFAIL after asking every upstream", async () => {
    const resolver = createDohResolver({ upstreams: [dohUrl, dohUrl] });
    expect(await resolver.lookup(fixture("servfail"), "MX")).toMatchObject({ kind: "dns_error", detail: expect.stringMatching(/SERVFAIL/) });
    expect(resolver.stats().upstreamQueries).toBe(2);
  });

  it.each(["hang", "garbage", "servfail", "http-error"])(
    "fails over from an upstream that does %s to the next",
    async (misbehaviour) => {
      const resolver = createDohResolver({ upstreams: [`${stubs}/${misbehaviour}`, dohUrl], timeoutMs: 300 });
      expect(await resolver.lookup(fixture("multi-mx"), "MX")).toMatchObject({ kind: "records" });
      expect(resolver.stats().upstreamQueries).toBe(2);
    },
    SLOW_TEST_MS,
  );

  it("asks with GET, and falls back to POST where GET is refused", async () => {
    const getOnly = createDohResolver({ upstreams: [`${stubs}/get-only`] });
    expect(await getOnly.lookup(fixture("multi-mx"), "MX")).toMatchObject({ kind: "records" });
    const postOnly = createDohResolver({ upstreams: [`${stubs}/post-only`] });
    expect(await postOnly.lookup(fixture("multi-mx"), "MX")).toMatchObject({ kind: "records" });
    expect(await postOnly.lookup(fixture("a-only"), "A")).toMatchObject({ kind: "records" });
  });

  it("sends one query for many identical lookups at once", async () => {
    const resolver = createDohResolver({ upstreams: [dohUrl] });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => resolver.lookup(fixture("multi-mx"), "MX")));
    expect(new Set(outcomes).size).toBe(1);
    await resolver.lookup(fixture("multi-mx"), "A");
    expect(resolver.stats()).toEqual({ lookups: 21, cacheHits: 0, upstreamQueries: 2 });
  });

  it("keeps TTLs within the floor and the ceiling", async () => {
    const ttlBounds = { positive: { floor: 100, ceiling: 200 }, negative: { floor: 10, ceiling: 900 } };
    const resolver = createDohResolver({ upstreams: [dohUrl], ttlBounds });
    expect(await resolver.lookup(fixture("short-ttl"), "MX")).toMatchObject({ ttl: 100 });
    expect(await resolver.lookup(fixture("multi-mx"), "MX")).toMatchObject({ ttl: 200 });
    const defaults = createDohResolver({ upstreams: [dohUrl] });
    expect(await defaults.lookup(fixture("short-ttl"), "MX")).toMatchObject({ ttl: 30 });
    expect(await defaults.lookup(fixture("long-ttl"), "MX")).toMatchObject({ ttl: 3600 });
  });

  it("caches answers for their TTL, negative ones for the SOA's (RFC 2308)", async () => {
    let now = 0;
    const resolver = createDohResolver({ upstreams: [dohUrl], cache: createMemoryCache({ now: () => now }) });
    const negative = await resolver.lookup(fixture("nope"), "MX");
    // SOA TTL 3600, MINIMUM 60: 60 s, less whatever unbound's own cache has already counted down.
    expect(negative.kind === "nxdomain" && negative.ttl).toBeGreaterThanOrEqual(30);
    expect(negative.kind === "nxdomain" && negative.ttl).toBeLessThanOrEqual(60);
    expect(await resolver.lookup(fixture("nope"), "MX")).toEqual(negative);
    expect(resolver.stats()).toMatchObject({ cacheHits: 1, upstreamQueries: 1 });
    now += 61_000;
    await resolver.lookup(fixture("nope"), "MX");
    expect(resolver.stats()).toMatchObject({ cacheHits: 1, upstreamQueries: 2 });
    expect(await resolver.lookup(fixture("no-mail"), "MX")).toMatchObject({ kind: "nodata" });
  });

  it("treats a cache that fails as a miss", async () => {
    const broken: AnswerCache = { get: () => Promise.reject(new Error("down")), put: () => Promise.reject(new Error("down")) };
    const resolver = createDohResolver({ upstreams: [dohUrl], cache: broken });
    expect(await resolver.lookup(fixture("multi-mx"), "MX")).toMatchObject({ kind: "records" });
  });
});
