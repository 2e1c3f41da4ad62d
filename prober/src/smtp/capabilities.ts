import type { SmtpReply } from "./reply-reader";

/** The ESMTP extensions a prober cares about, from a server's EHLO reply. */
export interface EhloCapabilities {
  readonly pipelining: boolean;
  readonly starttls: boolean;
  readonly smtputf8: boolean;
  readonly eightBitMime: boolean;
  /** The SIZE limit in octets; 0 when advertised without one; null when not advertised. */
  readonly size: number | null;
  /** Every keyword advertised, upper case. */
  readonly keywords: ReadonlySet<string>;
}

/** What a server that answered HELO (or nothing) offers: no extensions. */
export const NO_CAPABILITIES: EhloCapabilities = {
  pipelining: false,
  starttls: false,
  smtputf8: false,
  eightBitMime: false,
  size: null,
  keywords: new Set(),
};

/**
 * Reads the extensions from an EHLO reply. The first line is the server's greeting, each
 * further line one keyword with its parameters (RFC 5321 4.1.1.1).
 *
 * @example
 * parseCapabilities(ehloReply).pipelining; // true when a line says "PIPELINING"
 */
export function parseCapabilities(reply: SmtpReply): EhloCapabilities {
  const parameters = new Map<string, string>();
  for (const line of reply.lines.slice(1)) {
    const [keyword = "", ...rest] = line.trim().split(/\s+/);
    if (keyword !== "") parameters.set(keyword.toUpperCase(), rest.join(" "));
  }
  const size = parameters.get("SIZE");
  return {
    pipelining: parameters.has("PIPELINING"),
    starttls: parameters.has("STARTTLS"),
    smtputf8: parameters.has("SMTPUTF8"),
    eightBitMime: parameters.has("8BITMIME"),
    size: size === undefined ? null : Number.parseInt(size, 10) || 0,
    keywords: new Set(parameters.keys()),
  };
}
