import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { RECORD_CODES } from "../../shared/dns/message";
import { parseMessage } from "../../shared/dns/parse-message";

const DNS_MESSAGE = "application/dns-message";
const TYPE_NAMES = new Map<number, string>(Object.entries(RECORD_CODES).map(([name, code]) => [code, name]));

/** What the forwarder has passed on so far. */
export interface ForwardedQueries {
  total: number;
  byMethod: { GET: number; POST: number };
  /** By question type: `{ MX: 500, A: 1 }`. */
  byType: Record<string, number>;
  /** Different (name, type) questions; `total - distinct` were asked more than once. */
  distinct: number;
  /** Queries the upstream did not answer (it was unreachable); each is a dns_error at the edge. */
  failed: number;
}

export interface CountingForwarder {
  /** `http://127.0.0.1:PORT/dns-query`, to hand to the edge as its MAILVET_DOH_URL. */
  dohUrl: string;
  counts(): ForwardedQueries;
  stop(): Promise<void>;
}

/**
 * A DoH forwarder on a free loopback port that counts every query it passes on to `upstream`,
 * GET and POST alike: the queries the edge really sends, seen from outside it, so neither its
 * cache nor its coalescing is taken on trust.
 *
 * @example
 * const forwarder = await startCountingForwarder(peer.dohUrl);
 * // … the edge runs with MAILVET_DOH_URL = forwarder.dohUrl …
 * forwarder.counts(); // { total: 501, byMethod: { GET: 501, POST: 0 }, byType: { MX: 500, A: 1 }, distinct: 501, failed: 0 }
 * await forwarder.stop();
 */
export async function startCountingForwarder(upstream: string): Promise<CountingForwarder> {
  const byMethod = { GET: 0, POST: 0 };
  const byType: Record<string, number> = {};
  const questions = new Set<string>();
  let failed = 0;
  const server = createServer((request, response) => {
    void (async () => {
      const method = request.method === "POST" ? "POST" : "GET";
      const search = new URL(request.url ?? "/", "http://forwarder").search;
      const query = method === "POST" ? await readBody(request) : Buffer.from(new URLSearchParams(search).get("dns") ?? "", "base64url");
      byMethod[method]++;
      const parsed = parseMessage(query);
      const question = parsed.ok ? parsed.message.questions[0] : undefined;
      const type = question ? (TYPE_NAMES.get(question.code) ?? `TYPE${question.code}`) : "unparsable";
      byType[type] = (byType[type] ?? 0) + 1;
      questions.add(`${type} ${question?.name ?? ""}`);
      const answer = await fetch(method === "POST" ? upstream : `${upstream}${search}`, {
        method,
        headers: method === "POST" ? { accept: DNS_MESSAGE, "content-type": DNS_MESSAGE } : { accept: DNS_MESSAGE },
        ...(method === "POST" ? { body: query } : {}),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" }).end(body);
    })().catch(() => {
      failed++;
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dohUrl: `http://127.0.0.1:${port}/dns-query`,
    counts: () => ({ total: byMethod.GET + byMethod.POST, byMethod: { ...byMethod }, byType: { ...byType }, distinct: questions.size, failed }),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
