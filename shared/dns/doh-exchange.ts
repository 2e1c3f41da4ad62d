import { base64url } from "../encoding/base64url";
import { RCODE, type DnsMessage, type Question } from "./message";
import { parseMessage } from "./parse-message";

export type ExchangeResult = { ok: true; message: DnsMessage } | { ok: false; detail: string };

/** One query to one upstream; resolves, never rejects. */
export type DohExchange = (upstream: string, query: Uint8Array, question: Question) => Promise<ExchangeResult>;

const DNS_MESSAGE = "application/dns-message";
/** Statuses by which a server says it will not take this GET, but may take a POST. */
const GET_REFUSED = new Set([405, 414, 415, 501]);
const MAX_MESSAGE_OCTETS = 65535;
const RCODE_NAMES: Record<number, string> = { 1: "FORMERR", 2: "SERVFAIL", 4: "NOTIMP", 5: "REFUSED" };

/**
 * RFC 8484 over `fetch`: GET with the query (id 0) in the `dns` parameter, so HTTP caches can
 * share answers; POST when the server refuses the GET, and from then on for that upstream.
 * Whatever goes wrong within `timeoutMs` (no answer, an HTTP error, a body that is not a
 * well-formed answer to this very question, SERVFAIL or another failure code) comes back as
 * `{ ok: false }`. NOERROR and NXDOMAIN answers are `{ ok: true }`.
 *
 * @example
 * const exchange = createDohExchange(2000);
 * await exchange("https://cloudflare-dns.com/dns-query", encodeQuery("example.com", "MX")!, { name: "example.com", code: 15 });
 */
export function createDohExchange(timeoutMs: number): DohExchange {
  const postOnly = new Set<string>();
  return async (upstream, query, question) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      let response: Response | undefined;
      if (!postOnly.has(upstream)) {
        response = await fetch(withDnsParameter(upstream, query), { headers: { accept: DNS_MESSAGE }, signal });
        if (GET_REFUSED.has(response.status)) {
          await response.body?.cancel();
          postOnly.add(upstream);
          response = undefined;
        }
      }
      response ??= await fetch(upstream, {
        method: "POST",
        headers: { accept: DNS_MESSAGE, "content-type": DNS_MESSAGE },
        body: query,
        signal,
      });
      return await readAnswer(response, question);
    } catch (error) {
      if (signal.aborted) return { ok: false, detail: `no answer within ${timeoutMs} ms` };
      return { ok: false, detail: `unreachable: ${errorText(error)}` };
    }
  };
}

/** Node's fetch says only "fetch failed"; the cause's code (ECONNREFUSED, …) says why. */
function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${(error.cause as { code?: string }).code ?? error.cause.message})` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function withDnsParameter(upstream: string, query: Uint8Array): string {
  return `${upstream}${upstream.includes("?") ? "&" : "?"}dns=${base64url(query)}`;
}

async function readAnswer(response: Response, question: Question): Promise<ExchangeResult> {
  const contentType = response.headers.get("content-type") ?? "";
  if (!response.ok || !contentType.toLowerCase().startsWith(DNS_MESSAGE)) {
    await response.body?.cancel();
    return { ok: false, detail: `HTTP ${response.status} ${contentType}`.trim() };
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length > MAX_MESSAGE_OCTETS) return { ok: false, detail: "answer larger than a DNS message can be" };
  const parsed = parseMessage(body);
  if (!parsed.ok) return { ok: false, detail: `malformed answer: ${parsed.detail}` };
  const { message } = parsed;
  const echoed = message.questions[0];
  if (!message.isResponse || message.id !== 0 || message.questions.length !== 1 || echoed?.name !== question.name || echoed.code !== question.code) {
    return { ok: false, detail: "answer is not for the question asked" };
  }
  if (message.truncated) return { ok: false, detail: "truncated answer" };
  if (message.rcode !== RCODE.NOERROR && message.rcode !== RCODE.NXDOMAIN) {
    return { ok: false, detail: RCODE_NAMES[message.rcode] ?? `rcode ${message.rcode}` };
  }
  return { ok: true, message };
}
