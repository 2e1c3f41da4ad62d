import { ipBytes } from "../../net/ip-bytes";

/** What SPF macros (RFC 7208 §7) are expanded from. */
export interface MacroContext {
  ip: string;
  /** The MAIL FROM address, or `postmaster@<domain>` when there is none. */
  sender: string;
  /** The domain whose record is being evaluated. */
  domain: string;
  helo: string;
}

const DELIMITERS = ".-+,/_=";

/**
 * Expands the macros of an SPF domain-spec: `%{i}`, `%{d2}`, `%{ir}.%{v}._spf.%{d}`, `%%`, `%_`
 * and `%-`. Null when the text is not a valid macro-string, which makes the record a permerror.
 *
 * @example
 * expandMacros("%{ir}.%{v}._spf.%{d}", { ip: "192.0.2.3", sender: "a@example.com", domain: "example.com", helo: "mx" });
 * // "3.2.0.192.in-addr._spf.example.com"
 */
export function expandMacros(spec: string, context: MacroContext): string | null {
  let out = "";
  for (let index = 0; index < spec.length; index++) {
    const char = spec[index]!;
    if (char !== "%") {
      out += char;
      continue;
    }
    const next = spec[++index];
    if (next === "%" || next === "_" || next === "-") out += { "%": "%", _: " ", "-": "%20" }[next];
    else if (next === "{") {
      const end = spec.indexOf("}", index);
      const value = end < 0 ? null : expandOne(spec.slice(index + 1, end), context);
      if (value === null) return null;
      out += value;
      index = end;
    } else return null;
  }
  return out;
}

function expandOne(body: string, context: MacroContext): string | null {
  const [, letter = "", digits, reverse, delimiters = ""] = /^([slodiphcrtv])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body) ?? [];
  if (letter === "") return null;
  const value = letterValue(letter.toLowerCase(), context);
  const split = value.split(new RegExp(`[${escapeClass(delimiters || ".")}]`));
  const ordered = reverse ? split.reverse() : split;
  const keep = digits ? Number(digits) : ordered.length;
  if (digits && keep === 0) return null;
  return ordered.slice(-keep).join(".");
}

function letterValue(letter: string, context: MacroContext): string {
  const at = context.sender.lastIndexOf("@");
  const family = ipBytes(context.ip)?.length === 16 ? 6 : 4;
  switch (letter) {
    case "s":
      return context.sender;
    case "l":
      return context.sender.slice(0, at) || "postmaster";
    case "o":
      return context.sender.slice(at + 1);
    case "d":
      return context.domain;
    case "i":
      return family === 4 ? context.ip : nibbles(context.ip);
    case "v":
      return family === 4 ? "in-addr" : "ip6";
    case "h":
      return context.helo;
    case "c":
      return context.ip;
    case "t":
      return String(Math.floor(Date.now() / 1000));
    default: // "p" (the validated PTR name) and "r" (the receiver): not known here, RFC 7208 §7.3 allows "unknown".
      return "unknown";
  }
}

function nibbles(ip: string): string {
  return Array.from(ipBytes(ip) ?? [], (octet) => `${(octet >> 4).toString(16)}.${(octet & 0xf).toString(16)}`).join(".");
}

function escapeClass(delimiters: string): string {
  return [...delimiters].map((char) => (DELIMITERS.includes(char) ? `\\${char}` : "")).join("");
}
