import { describe, expect, it } from "vitest";
import { interpretAnswer, MAX_CNAME_HOPS } from "./interpret-answer";
import { RCODE, type DnsMessage, type RecordData, type ResourceRecord } from "./message";

const rr = (name: string, ttl: number, data: RecordData): ResourceRecord => ({ name, ttl, data });
const soa = (ttl: number, minimum: number) => rr("example.net", ttl, { type: "SOA", minimum });
const answer = (answers: ResourceRecord[], more: Partial<DnsMessage> = {}): DnsMessage => ({
  id: 0,
  isResponse: true,
  truncated: false,
  rcode: RCODE.NOERROR,
  questions: [],
  answers,
  authorities: [],
  additionals: [],
  ...more,
});

describe("interpretAnswer", () => {
  it("returns every record of the type at the name, with the shortest TTL", () => {
    const message = answer([
      rr("example.net", 300, { type: "MX", preference: 20, exchange: "b.example.net" }),
      rr("example.net", 200, { type: "MX", preference: 10, exchange: "a.example.net" }),
      rr("other.example.net", 5, { type: "MX", preference: 1, exchange: "c.example.net" }),
      rr("example.net", 1, { type: "A", address: "192.0.2.1" }),
    ]);
    expect(interpretAnswer(message, "example.net", "MX")).toEqual({
      kind: "records",
      records: [
        { type: "MX", preference: 20, exchange: "b.example.net" },
        { type: "MX", preference: 10, exchange: "a.example.net" },
      ],
      ttl: 200,
    });
  });

  it("follows a CNAME chain, in any order, and counts its TTLs", () => {
    const message = answer([
      rr("b.example.net", 600, { type: "A", address: "192.0.2.7" }),
      rr("www.example.net", 60, { type: "CNAME", target: "a.example.net" }),
      rr("a.example.net", 3600, { type: "CNAME", target: "b.example.net" }),
    ]);
    expect(interpretAnswer(message, "www.example.net", "A")).toEqual({
      kind: "records",
      records: [{ type: "A", address: "192.0.2.7" }],
      ttl: 60,
    });
  });

  it("gives NODATA with RFC 2308's TTL: the smaller of the SOA's TTL and MINIMUM", () => {
    expect(interpretAnswer(answer([], { authorities: [soa(3600, 60)] }), "example.net", "MX")).toEqual({ kind: "nodata", ttl: 60 });
    expect(interpretAnswer(answer([], { authorities: [soa(45, 900)] }), "example.net", "MX")).toEqual({ kind: "nodata", ttl: 45 });
    expect(interpretAnswer(answer([]), "example.net", "MX")).toEqual({ kind: "nodata", ttl: 0 });
  });

  it("gives NXDOMAIN for the name itself, and NODATA where an alias leads nowhere", () => {
    const nx = { rcode: RCODE.NXDOMAIN, authorities: [soa(3600, 120)] };
    expect(interpretAnswer(answer([], nx), "gone.example.net", "MX")).toEqual({ kind: "nxdomain", ttl: 120 });
    const dangling = answer([rr("www.example.net", 30, { type: "CNAME", target: "gone.example.net" })], nx);
    expect(interpretAnswer(dangling, "www.example.net", "MX")).toEqual({ kind: "nodata", ttl: 30 });
  });

  it("treats an alias chain that stops at a name without the type as NODATA", () => {
    const message = answer([rr("www.example.net", 300, { type: "CNAME", target: "example.net" })], { authorities: [soa(300, 300)] });
    expect(interpretAnswer(message, "www.example.net", "AAAA")).toEqual({ kind: "nodata", ttl: 300 });
  });

  it("gives up on loops and over-long chains", () => {
    const loop = answer([
      rr("a.example.net", 60, { type: "CNAME", target: "b.example.net" }),
      rr("b.example.net", 60, { type: "CNAME", target: "a.example.net" }),
    ]);
    expect(interpretAnswer(loop, "a.example.net", "A")).toMatchObject({ kind: "dns_error" });
    const chain = Array.from({ length: MAX_CNAME_HOPS + 1 }, (_, index) =>
      rr(`h${index}.example.net`, 60, { type: "CNAME", target: `h${index + 1}.example.net` }),
    );
    const long = answer([...chain, rr(`h${MAX_CNAME_HOPS + 1}.example.net`, 60, { type: "A", address: "192.0.2.1" })]);
    expect(interpretAnswer(long, "h0.example.net", "A")).toMatchObject({ kind: "dns_error" });
    const longest = answer([...chain.slice(1), rr(`h${MAX_CNAME_HOPS + 1}.example.net`, 60, { type: "A", address: "192.0.2.1" })]);
    expect(interpretAnswer(longest, "h1.example.net", "A")).toMatchObject({ kind: "records" });
  });
});
