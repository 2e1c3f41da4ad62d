import { normalizeAddressLiteral } from "./address-literal";
import { scanDomainName } from "./domain-name";
import { toIdnaForms } from "./idn";
import type { SyntaxProblem } from "./problems";

/** A valid domain, in the forms the rest of the pipeline needs. */
export interface Domain {
  /** Lower-cased, with A-labels; or the normalized address literal. */
  ascii: string;
  /** With U-labels, for display; the same as `ascii` when there is nothing to decode. */
  unicode: string;
  isLiteral: boolean;
}

/**
 * Checks the part after the @: an address literal in brackets, or a domain name. Plain
 * lower-case-able ASCII names, nearly all real ones, are settled in one scan and never reach
 * IDNA processing unless a label starts with `xn--`.
 *
 * @example
 * parseDomain("Example.COM"); // { ascii: "example.com", unicode: "example.com", isLiteral: false }
 * parseDomain("例子.广告");    // { ascii: "xn--fsqu00a.xn--4rr70v", unicode: "例子.广告", isLiteral: false }
 * parseDomain("[IPv6:::1]");  // { ascii: "[IPv6:::1]", unicode: "[IPv6:::1]", isLiteral: true }
 */
export function parseDomain(domain: string): Domain | SyntaxProblem {
  if (domain.charCodeAt(0) === 0x5b) {
    const literal = normalizeAddressLiteral(domain);
    return literal === undefined ? "address_literal" : { ascii: literal, unicode: literal, isLiteral: true };
  }
  const lowered = domain.toLowerCase();
  const scan = scanDomainName(lowered);
  if (scan === "ascii") return { ascii: lowered, unicode: lowered, isLiteral: false };
  if (scan !== "needs_idna") return scan;
  const forms = toIdnaForms(lowered);
  if (typeof forms === "string") return forms;
  // Only now are the lengths of internationalized labels known.
  const converted = scanDomainName(forms.ascii);
  if (converted !== "ascii" && converted !== "needs_idna") return converted;
  return { ascii: forms.ascii, unicode: forms.unicode, isLiteral: false };
}
