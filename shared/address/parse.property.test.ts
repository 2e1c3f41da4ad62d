import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAddress, type SyntaxResult } from "./parse";
import { SYNTAX_PROBLEM_MESSAGES } from "./problems";
import { utf8Length } from "./unicode-text";

/** Characters that steer the parser into its branches, any UTF-16 unit (lone surrogates too), and any code point. */
const anyCharacter = fc.oneof(
  fc.constantFrom("@", ".", '"', "\\", "[", "]", ":", "-", " ", "a", "Z", "1", "IPv6:", "xn--", "ü", "用", "\u0300", "。"),
  fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
);

const atextCharacter = fc.constantFrom(..."abcXYZ019!#$%&'*+-/=?^_`{|}~éü用ж");
const dotAtom = fc.array(fc.string({ unit: atextCharacter, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join("."));
const quotedString = fc
  .array(fc.oneof(fc.constantFrom(..." a.@(),:;<>[]λ"), fc.constantFrom('\\"', "\\\\", "\\a")), { maxLength: 12 })
  .map((parts) => `"${parts.join("")}"`);

const alphanumeric = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 10 });
/** Single hyphens between words, so never one at an end nor a pair in third and fourth place. */
const ldhLabel = fc.array(alphanumeric, { minLength: 1, maxLength: 3 }).map((words) => words.join("-"));
const uLabel = fc.constantFrom("bücher", "例子", "παράδειγμα", "почта", "münchen", "日本語");
const tld = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 2, maxLength: 6 }),
  fc.constantFrom("рф", "中国", "xn--p1ai"),
);
const domainName = fc.tuple(fc.array(fc.oneof(ldhLabel, uLabel), { minLength: 1, maxLength: 4 }), tld, fc.boolean()).map(([labels, top, shout]) => {
  const name = [...labels, top].join(".");
  return shout ? name.toUpperCase() : name;
});
const octet = fc.integer({ min: 0, max: 255 });
const hexGroup = fc.integer({ min: 0, max: 0xffff }).map((group) => group.toString(16));
const addressLiteral = fc.oneof(
  fc.tuple(octet, octet, octet, octet).map((octets) => `[${octets.join(".")}]`),
  fc.array(hexGroup, { minLength: 8, maxLength: 8 }).map((groups) => `[IPv6:${groups.join(":")}]`),
  fc.array(hexGroup, { minLength: 0, maxLength: 6 }).map((groups) => `[IPv6:${groups.join(":")}::]`),
);
const validAddress = fc
  .tuple(fc.oneof(dotAtom, quotedString), fc.oneof({ weight: 4, arbitrary: domainName }, { weight: 1, arbitrary: addressLiteral }))
  .map(([local, domain]) => `${local}@${domain}`);

/** The invariants every result keeps, whatever the input. */
function expectWellFormed(result: SyntaxResult): void {
  if (!result.ok) {
    expect(result.message).toBe(SYNTAX_PROBLEM_MESSAGES[result.problem]);
    return;
  }
  const { local, domain, domainUnicode, isLiteral, normalized, smtputf8 } = result.address;
  const nfcLocal = local.normalize("NFC");
  expect(normalized).toBe(`${nfcLocal}@${domain}`);
  expect(domain).toMatch(/^[\x21-\x7e]+$/);
  expect(isLiteral).toBe(domain.startsWith("["));
  if (!isLiteral) expect(domain).toBe(domain.toLowerCase());
  if (!isLiteral && !domain.includes("xn--")) expect(domainUnicode).toBe(domain);
  expect(smtputf8).toBe(/[^\x00-\x7f]/.test(nfcLocal));
  expect(utf8Length(normalized)).toBeLessThanOrEqual(254);
}

describe("parseAddress over generated input", () => {
  it("never throws and always returns a well-formed result", () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCharacter, maxLength: 80 }), (input) => {
        expectWellFormed(parseAddress(input));
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 5000) },
    );
  });

  it("accepts generated valid addresses, and parsing the normalized form changes nothing", () => {
    fc.assert(
      fc.property(validAddress, (input) => {
        const first = parseAddress(input);
        expect(first).toMatchObject({ ok: true });
        expectWellFormed(first);
        if (!first.ok) return;
        const again = parseAddress(first.address.normalized);
        expect(again).toEqual({ ok: true, address: { ...first.address, local: first.address.local.normalize("NFC") } });
        // The display form names the same domain.
        const viaUnicode = parseAddress(`${first.address.local}@${first.address.domainUnicode}`);
        expect(viaUnicode.ok && viaUnicode.address.domain).toBe(first.address.domain);
      }),
      { numRuns: Number(process.env.MAILVET_FUZZ_RUNS ?? 3000) },
    );
  });

  it.each([
    ["a million letters", "a".repeat(1_000_000)],
    ["ten thousand @ signs", "@".repeat(10_000)],
    ["a million dots after an @", `a@${".".repeat(1_000_000)}`],
    ["a long run of quotes and backslashes", `"${'\\"'.repeat(400)}"@example.com`],
    ["a domain of a thousand dots", `a@${"a.".repeat(500)}`],
    ["an address with a NUL", "a\u0000b@example.com"],
    ["lone surrogates", "\uD800@\uDC00.com"],
  ])("returns for %s", (_, input) => {
    expectWellFormed(parseAddress(input));
    expect(parseAddress(input).ok).toBe(false);
  });
});
