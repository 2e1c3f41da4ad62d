import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeTable, readListAnswer } from "./list-check";

const readCode = codeTable({ 2: "listed by the test list" });
const answer = (...addresses: string[]) => ({ kind: "records" as const, records: addresses.map((address) => ({ type: "A" as const, address })), ttl: 60 });

describe("readListAnswer", () => {
  it("reads NXDOMAIN and NODATA as not listed, a failed lookup as could not ask", () => {
    expect(readListAnswer({ kind: "nxdomain", ttl: 60 }, readCode).status).toBe("not_listed");
    expect(readListAnswer({ kind: "nodata", ttl: 60 }, readCode).status).toBe("not_listed");
    expect(readListAnswer({ kind: "dns_error", detail: "SERVFAIL" }, readCode)).toMatchObject({ status: "could_not_ask", codes: [] });
  });

  it("reads a list code as listed, with its meaning", () => {
    expect(readListAnswer(answer("127.0.0.2"), readCode)).toEqual({ status: "listed", codes: ["127.0.0.2"], meaning: "listed by the test list" });
  });

  it("never reads 127.0.0.1, 127.255.255.x or an address outside 127/8 as listed, even beside a listing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant("127.0.0.1"),
          fc.nat(255).map((n) => `127.255.255.${n}`),
          fc.ipV4().filter((ip) => !ip.startsWith("127.")),
        ),
        (error) => {
          expect(readListAnswer(answer("127.0.0.2", error), readCode).status).toBe("could_not_ask");
        },
      ),
    );
  });

  it("says what Spamhaus's error codes mean", () => {
    expect(readListAnswer(answer("127.255.255.254"), readCode).meaning).toMatch(/public or open resolvers/);
    expect(readListAnswer(answer("127.255.255.255"), readCode).meaning).toMatch(/rate limit/);
    expect(readListAnswer(answer("127.255.255.252"), readCode).meaning).toMatch(/mistyped/);
  });
});
