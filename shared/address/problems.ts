/**
 * Why an address failed the syntax check: a short machine code, each with the plain-English
 * message a person sees. One table, so a code can never lack its message.
 *
 * @example
 * SYNTAX_PROBLEM_MESSAGES.missing_at; // "The address has no @ sign."
 */
export const SYNTAX_PROBLEM_MESSAGES = {
  empty: "The address is empty.",
  too_long: "The address is longer than the 254 characters an e-mail address can have.",
  surrounding_whitespace: "The address starts or ends with a space or line break.",
  display_name: "Only the address itself is accepted, without a name or angle brackets around it.",
  missing_at: "The address has no @ sign.",
  empty_local: "There is nothing before the @ sign.",
  local_too_long: "The part before the @ sign is longer than 64 characters.",
  local_dots: "The part before the @ sign cannot start or end with a dot, or have two dots in a row.",
  local_character: "The part before the @ sign has a character that is not allowed there.",
  quoted_string: "The quoted part before the @ sign is not written correctly.",
  unsafe_unicode: "The address has an invisible, control, private-use or unassigned character, or a stray accent.",
  empty_domain: "There is nothing after the @ sign.",
  domain_character: "The part after the @ sign has a character that is not allowed in a domain name.",
  empty_label: "The domain cannot start or end with a dot, or have two dots in a row.",
  label_hyphen: "A part of the domain starts or ends with a hyphen.",
  reserved_label: "A part of the domain has two hyphens in the third and fourth places, which is reserved.",
  label_too_long: "A part of the domain is longer than 63 characters.",
  domain_too_long: "The domain is longer than 253 characters.",
  dotless_domain: "The domain has no dot; it needs a top-level domain such as .com.",
  numeric_tld: "The domain ends in a number; an IP address must be written in brackets, like [192.0.2.1].",
  tld_syntax: "The domain does not end in a possible top-level domain.",
  idn_invalid: "The internationalized domain name is not valid.",
  idn_mapping: "The domain uses look-alike characters (such as full-width letters) instead of plain ones.",
  address_literal: "The bracketed IP address after the @ sign is not written correctly.",
} as const;

/**
 * A machine code for a syntax failure.
 *
 * @example
 * const problem: SyntaxProblem = "dotless_domain";
 */
export type SyntaxProblem = keyof typeof SYNTAX_PROBLEM_MESSAGES;
