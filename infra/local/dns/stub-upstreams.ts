import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const DNS_MESSAGE = "application/dns-message";

export interface StubUpstreams {
  /** `http://127.0.0.1:PORT`; the routes below hang off it. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * DoH upstreams that misbehave on purpose, on one loopback HTTP server, for failover tests:
 * - `/hang`: accepts the request and never answers;
 * - `/garbage`: 200 `application/dns-message` with random bytes;
 * - `/servfail`: a well-formed SERVFAIL answer to the question asked;
 * - `/http-error`: 503 with a text body;
 * - `/post-only`, `/get-only`: 405 for the other method, otherwise the query is passed on to
 *   `forwardTo` (the real DNS peer), when one is given.
 *
 * @example
 * const stubs = await startStubUpstreams({ forwardTo: peer.dohUrl });
 * createDohResolver({ upstreams: [`${stubs.baseUrl}/hang`, peer.dohUrl], timeoutMs: 200 });
 */
export async function startStubUpstreams({ forwardTo }: { forwardTo?: string } = {}): Promise<StubUpstreams> {
  const server = createServer((request, response) => {
    void serve(request, response, forwardTo).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(request: IncomingMessage, response: ServerResponse, forwardTo: string | undefined): Promise<void> {
  const url = new URL(request.url ?? "/", "http://stub");
  const query = request.method === "POST" ? await readBody(request) : Buffer.from(url.searchParams.get("dns") ?? "", "base64url");
  switch (url.pathname) {
    case "/hang":
      return;
    case "/garbage":
      return void response.writeHead(200, { "content-type": DNS_MESSAGE }).end(randomBytes(64 + query.length));
    case "/servfail":
      return void response.writeHead(200, { "content-type": DNS_MESSAGE }).end(servfailFor(query));
    case "/http-error":
      return void response.writeHead(503, { "content-type": "text/plain" }).end("upstream unavailable");
    case "/post-only":
    case "/get-only": {
      const allowed = url.pathname === "/post-only" ? "POST" : "GET";
      if (request.method !== allowed || forwardTo === undefined) return void response.writeHead(405).end();
      const answer = await fetch(forwardTo, { method: "POST", headers: { "content-type": DNS_MESSAGE }, body: query });
      return void response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" }).end(Buffer.from(await answer.arrayBuffer()));
    }
    default:
      return void response.writeHead(404).end();
  }
}

/** The query turned into its own answer: QR set, recursion available, rcode SERVFAIL. */
function servfailFor(query: Buffer): Buffer {
  const answer = Buffer.from(query);
  if (answer.length >= 4) {
    answer[2] = answer[2]! | 0x80;
    answer[3] = 0x80 | 2;
  }
  return answer;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
