import { parseDomain } from "./domain";
import { checkLocalPart } from "./local-part";
import { SYNTAX_PROBLEM_MESSAGES, type SyntaxProblem } from "./problems";

/** An address that passed the syntax check, in the forms the pipeline needs. */
export interface ParsedAddress {
  /** The local part exactly as given (a quoted form stays quoted). */
  local: string;
  /** Lower-cased with A-labels, or the normalized address literal `[...]`. */
  domain: string;
  /** The domain with U-labels, for display; the same as `domain` when ASCII or a literal. */
  domainUnicode: string;
  isLiteral: boolean;
  /** The local part in NFC (the same as `local` for nearly every input) + "@" + `domain`. */
  normalized: string;
  /** The local part (in NFC) has non-ASCII characters, so it needs SMTPUTF8 (RFC 6531). */
  smtputf8: boolean;
}

/**
 * The outcome of parseAddress: the parsed address, or a problem code and its message.
 *
 * @example
 * const result: SyntaxResult = parseAddress(input);
 * if (!result.ok) console.log(result.problem); // e.g. "dotless_domain", never the address itself
 */
export type SyntaxResult = { ok: true; address: ParsedAddress } | { ok: false; problem: SyntaxProblem; message: string };

/** RFC 5321 §4.5.3.1.3: a 256-octet path, less its angle brackets. */
const MAX_ADDRESS_OCTETS = 254;

/**
 * Longer input is refused before it is scanned. No valid address comes near it: 64 octets of
 * local part, and a 253-octet domain whose U-label form takes at most twice as many UTF-16 units.
 */
const MAX_INPUT_LENGTH = 1024;

/** One shared, frozen failure per problem, so refusing an address allocates nothing. */
const FAILURES = Object.fromEntries(
  Object.entries(SYNTAX_PROBLEM_MESSAGES).map(([problem, message]) => [problem, Object.freeze({ ok: false, problem, message })]),
) as Record<SyntaxProblem, SyntaxResult>;

/**
 * Checks that input is one e-mail address that can be used in SMTP `RCPT TO` today (RFC 5321
 * Mailbox, with RFC 6531 SMTPUTF8 and IDNA2008 domains) and returns its parts and normal form,
 * or the problem. It never throws and runs in time linear in the input.
 * Special-use domains pass here; see isReservedDomain.
 *
 * @example
 * parseAddress("Alice@Example.COM");
 * // { ok: true, address: { local: "Alice", domain: "example.com", normalized: "Alice@example.com", ... } }
 * parseAddress("用户@例子.广告").address.smtputf8; // true, with domain "xn--fsqu00a.xn--4rr70v"
 * parseAddress("alice@example");
 * // { ok: false, problem: "dotless_domain", message: "The domain has no dot; ..." }
 */
export function parseAddress(input: string): SyntaxResult {
  const length = input.length;
  if (length === 0) return FAILURES.empty;
  if (length > MAX_INPUT_LENGTH) return FAILURES.too_long;
  if (isWhitespace(input.charCodeAt(0)) || isWhitespace(input.charCodeAt(length - 1))) {
    return FAILURES.surrounding_whitespace;
  }
  // A domain never ends in ">", so this is the tail of "Name <address>".
  if (input.charCodeAt(length - 1) === 0x3e) return FAILURES.display_name;
  // The domain cannot hold an @, while a quoted local part can.
  const at = input.lastIndexOf("@");
  if (at < 0) return FAILURES.missing_at;
  const local = input.slice(0, at);
  const localPart = checkLocalPart(local);
  if (typeof localPart === "string") return FAILURES[localPart];
  const domain = parseDomain(input.slice(at + 1));
  if (typeof domain === "string") return FAILURES[domain];
  if (localPart.octets + 1 + domain.ascii.length > MAX_ADDRESS_OCTETS) return FAILURES.too_long;
  return {
    ok: true,
    address: {
      local,
      domain: domain.ascii,
      domainUnicode: domain.unicode,
      isLiteral: domain.isLiteral,
      normalized: `${localPart.nfc}@${domain.ascii}`,
      smtputf8: localPart.smtputf8,
    },
  };
}

/** Space, tab, CR and LF: what copying an address from a document tends to bring along. */
function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
