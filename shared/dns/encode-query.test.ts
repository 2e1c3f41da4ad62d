import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeQuery } from "./encode-query";
import { QUERY_TYPES } from "./message";
import { parseMessage } from "./parse-message";

describe("encodeQuery", () => {
  it("asks one question with id 0 and recursion desired", () => {
    const query = encodeQuery("Example.NET.", "MX")!;
    expect([...query.subarray(0, 12)]).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(parseMessage(query)).toMatchObject({ ok: true, message: { questions: [{ name: "example.net", code: 15 }] } });
  });

  it("refuses what cannot be a DNS name", () => {
    expect(encodeQuery("a..example.net", "A")).toBeUndefined();
  });

  it("parses back to the question it asks", () => {
    const name = fc.array(fc.stringMatching(/^[a-z0-9-]{1,20}$/), { minLength: 1, maxLength: 5 }).map((labels) => labels.join("."));
    fc.assert(
      fc.property(name, fc.constantFrom("A", "AAAA", "MX" as const), (text, type) => {
        expect(parseMessage(encodeQuery(text, type)!)).toEqual({
          ok: true,
          message: {
            id: 0,
            isResponse: false,
            truncated: false,
            rcode: 0,
            questions: [{ name: text, code: QUERY_TYPES[type] }],
            answers: [],
            authorities: [],
            additionals: [],
          },
        });
      }),
    );
  });
});
