import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipv6Text } from "./ip-text";
import { RCODE, RECORD_CODES, type RecordData, type ResourceRecord } from "./message";
import { parseMessage } from "./parse-message";
import { buildMessage, type MessageSpec } from "./testing/build-message";

const mxAnswer: MessageSpec = {
  isResponse: true,
  questions: [{ name: "example.net", code: RECORD_CODES.MX }],
  answers: [
    { name: "example.net", ttl: 300, data: { type: "MX", preference: 20, exchange: "mx2.example.net" } },
    { name: "example.net", ttl: 300, data: { type: "MX", preference: 10, exchange: "mx1.example.net" } },
    { name: "example.net", ttl: 250, data: { type: "MX", preference: 30, exchange: "mx3.example.net" } },
  ],
  authorities: [],
  additionals: [{ name: "mx1.example.net", ttl: 60, data: { type: "A", address: "192.0.2.1" } }],
};

function parsed(bytes: Uint8Array) {
  const result = parseMessage(bytes);
  if (!result.ok) throw new Error(`expected a message, got: ${result.detail}`);
  return result.message;
}

describe("parseMessage", () => {
  it("reads the header, the question and several answers", () => {
    const message = parsed(buildMessage({ ...mxAnswer, id: 0x1234, rcode: RCODE.NXDOMAIN }));
    expect(message).toMatchObject({ id: 0x1234, isResponse: true, truncated: false, rcode: RCODE.NXDOMAIN });
    expect(message.questions).toEqual([{ name: "example.net", code: 15 }]);
    expect(message.answers.map((answer) => answer.data.type === "MX" && answer.data.exchange)).toEqual([
      "mx2.example.net",
      "mx1.example.net",
      "mx3.example.net",
    ]);
    expect(message.additionals).toEqual(mxAnswer.additionals);
  });

  it("reads compressed names as the same message", () => {
    const plain = buildMessage(mxAnswer);
    const compressed = buildMessage(mxAnswer, { compress: true });
    expect(compressed.length).toBeLessThan(plain.length);
    expect(parsed(compressed)).toEqual(parsed(plain));
  });

  it("reads CNAME, SOA, AAAA, the TC bit and records of other types", () => {
    const message = parsed(
      buildMessage({
        isResponse: true,
        truncated: true,
        answers: [
          { name: "www.example.net", ttl: 60, data: { type: "CNAME", target: "example.net" } },
          { name: "example.net", ttl: 60, data: { type: "AAAA", address: "2001:db8::25" } },
          { name: "example.net", ttl: 60, data: { type: "other", code: 99 } },
        ],
        authorities: [{ name: "example.net", ttl: 3600, data: { type: "SOA", minimum: 60 } }],
      }),
    );
    expect(message.truncated).toBe(true);
    expect(message.answers).toEqual([
      { name: "www.example.net", ttl: 60, data: { type: "CNAME", target: "example.net" } },
      { name: "example.net", ttl: 60, data: { type: "AAAA", address: "2001:db8::25" } },
      { name: "example.net", ttl: 60, data: { type: "other", code: 99 } },
    ]);
    expect(message.authorities).toEqual([{ name: "example.net", ttl: 3600, data: { type: "SOA", minimum: 60 } }]);
  });

  it("reads a TXT record's character-strings in order, so SPF can join a long record split in two", () => {
    const strings = ["v=spf1 ip4:192.0.2.0/24 ", "include:_spf.example.net -all"];
    const message = parsed(buildMessage({ isResponse: true, answers: [{ name: "example.net", ttl: 60, data: { type: "TXT", strings } }] }));
    expect(message.answers[0]?.data).toEqual({ type: "TXT", strings });
  });

  it("reads a PTR record's name, so the prober can check its own reverse DNS", () => {
    const answer = { name: "1.2.0.192.in-addr.arpa", ttl: 60, data: { type: "PTR" as const, name: "probe.example.net" } };
    expect(parsed(buildMessage({ isResponse: true, answers: [answer] }, { compress: true })).answers).toEqual([answer]);
  });

  it("reads a TTL with the top bit set as 0 (RFC 2181 §8)", () => {
    const bytes = buildMessage({ answers: [{ name: "a", ttl: 0x80000000, data: { type: "A", address: "192.0.2.1" } }] });
    expect(parsed(bytes).answers[0]?.ttl).toBe(0);
  });

  it("refuses every truncation of a good message", () => {
    const bytes = buildMessage(mxAnswer, { compress: true });
    for (let length = 0; length < bytes.length; length++) {
      expect(parseMessage(bytes.subarray(0, length))).toMatchObject({ ok: false });
    }
  });

  it("refuses stray bytes, wrong record lengths and loops", () => {
    const good = buildMessage(mxAnswer);
    expect(parseMessage(new Uint8Array([...good, 0]))).toEqual({ ok: false, detail: "stray bytes after the message" });
    const badA = buildMessage({ answers: [{ name: "a", ttl: 1, data: { type: "A", address: "192.0.2.1" } }] });
    badA[badA.length - 5] = 5; // rdlength 4 → 5, and one more octet so only the length is wrong
    expect(parseMessage(new Uint8Array([...badA, 0]))).toMatchObject({ ok: false });
    const shortMx = buildMessage({ answers: [{ name: "a", ttl: 1, data: { type: "MX", preference: 1, exchange: "b" } }] });
    shortMx[shortMx.length - 6] = 3; // rdlength 5 → 3: the exchange runs past its record
    expect(parseMessage(shortMx)).toMatchObject({ ok: false });
    const loop = buildMessage({ questions: [{ name: "a", code: 1 }] });
    loop.set([0xc0, 12], 12); // the question's name points at itself
    expect(parseMessage(loop)).toMatchObject({ ok: false });
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), (bytes) => {
        expect(typeof parseMessage(bytes).ok).toBe("boolean");
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 2000) },
    );
  });

  it("never throws on good messages with bytes changed", () => {
    const good = buildMessage(mxAnswer, { compress: true });
    const edit = fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = good.slice();
        for (const [offset, value] of edits) bytes[offset] = value;
        expect(typeof parseMessage(bytes).ok).toBe("boolean");
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 2000) },
    );
  });

  it("round-trips any message the builder writes, compressed or not", () => {
    fc.assert(
      fc.property(arbitraryMessage, fc.boolean(), (spec, compress) => {
        expect(parsed(buildMessage(spec, { compress }))).toEqual(spec);
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 500) },
    );
  });
});

const arbitraryName = fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));

const arbitraryRecord: fc.Arbitrary<ResourceRecord> = fc.record({
  name: arbitraryName,
  ttl: fc.nat({ max: 0x7fffffff }),
  data: fc.oneof(
    fc.ipV4().map((address): RecordData => ({ type: "A", address })),
    fc.uint8Array({ minLength: 16, maxLength: 16 }).map((octets): RecordData => ({ type: "AAAA", address: ipv6Text(octets) })),
    arbitraryName.map((target): RecordData => ({ type: "CNAME", target })),
    fc.record({ preference: fc.nat({ max: 0xffff }), exchange: fc.oneof(arbitraryName, fc.constant("")) }).map((mx): RecordData => ({ type: "MX", ...mx })),
    fc.nat({ max: 0x7fffffff }).map((minimum): RecordData => ({ type: "SOA", minimum })),
    fc.array(fc.stringMatching(/^[ -~]{0,40}$/), { minLength: 1, maxLength: 3 }).map((strings): RecordData => ({ type: "TXT", strings })),
    arbitraryName.map((name): RecordData => ({ type: "PTR", name })),
    fc.constantFrom(99, 257).map((code): RecordData => ({ type: "other", code })),
  ),
});

const arbitraryMessage = fc.record({
  id: fc.nat({ max: 0xffff }),
  isResponse: fc.boolean(),
  truncated: fc.boolean(),
  rcode: fc.nat({ max: 15 }),
  questions: fc.array(fc.record({ name: arbitraryName, code: fc.constantFrom(1, 15, 28) }), { maxLength: 2 }),
  answers: fc.array(arbitraryRecord, { maxLength: 6 }),
  authorities: fc.array(arbitraryRecord, { maxLength: 3 }),
  additionals: fc.array(arbitraryRecord, { maxLength: 3 }),
});
