import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { repeated, sheetOf, xlsxOf } from "../../shared/bulk/testing/xlsx-fixtures";

/**
 * The edge's memory while it reads hostile uploads: the real `wrangler dev` (workerd, with R2,
 * Durable Objects and Queues through miniflare), its peak RSS read from /proc (VmHWM, reset
 * before each upload through clear_refs) around one hostile upload of each kind, each refused
 * with its 4xx, and a normal upload taken after them all.
 */
const dnsPeer = inject("dnsPeerUrl");
const MiB = 1024 * 1024;
/** Generous; a reader that held a 64 MB file (as UTF-16 text, twice that) would pass it. */
const MAX_GROWTH = 96 * MiB;
const BOUNDARY = "----mailvetMemory";

/** The workerd process of the edge's process group (the largest, if wrangler runs more than one). */
function workerdPid(processGroup: number): number {
  const candidates = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
        return comm === "workerd" && group === processGroup ? [{ pid: Number(pid), rss: statusKiB(Number(pid), "VmRSS") }] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
  const largest = candidates.sort((a, b) => b.rss - a.rss)[0];
  if (!largest) throw new Error("no workerd in the edge's process group");
  return largest.pid;
}

function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((text) => text.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN);
}

/** `count` copies of `piece`, made as they are sent. */
function streamOf(first: string, piece: Uint8Array | string, count: number, last = ""): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const bytes = typeof piece === "string" ? encoder.encode(piece) : piece;
  let sent = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === -1) controller.enqueue(encoder.encode(first));
      else if (sent < count) controller.enqueue(bytes);
      else {
        if (last) controller.enqueue(encoder.encode(last));
        controller.close();
      }
      sent++;
    },
  });
}

/** A form whose one file is 64 MB of near-misses of its boundary (not a list: refused once stored). */
function multipartNearBoundaries(): ReadableStream<Uint8Array> {
  return streamOf(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\n`,
    `\r\n--${BOUNDARY.slice(0, -1)}x\r\n-`.repeat(2000),
    1300,
    `\r\n--${BOUNDARY}--\r\n`,
  );
}

function form(file: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  return new Uint8Array(
    Buffer.concat([
      encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\n`),
      file,
      encoder.encode(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  );
}

describe.skipIf(dnsPeer === null)("the edge's memory while it reads hostile uploads", () => {
  let stack: LocalStack;
  let pid: number;
  beforeAll(async () => {
    stack = await startStack(
      { PATH: process.env.PATH, HOME: process.env.HOME, MAILVET_EDGE_PORT: "19587", MAILVET_PROBER_PORT: "19588", MAILVET_DOH_URL: dnsPeer! },
      { freshState: true },
    );
    pid = workerdPid(stack.edgeProcessGroup);
    // The first upload of 64 MB grows a fresh workerd by about 150 MiB (local R2's buffers, which
    // its allocator keeps), whatever the file: sent once before measuring, so the figures are the readers'.
    const warmUp = await post(multipartNearBoundaries(), `multipart/form-data; boundary=${BOUNDARY}`);
    expect(warmUp.status).toBe(400);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const post = (body: string | Uint8Array | ReadableStream<Uint8Array>, contentType: string) =>
    fetch(`${stack.edgeUrl}/v1/jobs`, { method: "POST", body, headers: { "Content-Type": contentType }, duplex: "half" } as RequestInit);
  const postXlsx = async (file: Promise<Uint8Array>) => post(form(await file), `multipart/form-data; boundary=${BOUNDARY}`);
  const inline = (reference: string) => `<c r="${reference}" t="inlineStr"><is><t>ann@example.net</t></is></c>`;
  const numbered = function* () {
    yield "<sst>";
    for (let block = 0; block < 1000; block++) yield Array.from({ length: 1000 }, (_, i) => `<si><t>user${block * 1000 + i}@example.net</t></si>`).join("");
    yield "</sst>";
  };

  it.each([
    ["a multipart file of 64 MB of near-boundaries", 400, () => post(multipartNearBoundaries(), `multipart/form-data; boundary=${BOUNDARY}`)],
    ["a CSV line of 64 MB of commas", 400, () => post(streamOf("email\r\nann@example.net\r\n", ",".repeat(65_536), 1024, "\r\n"), "text/csv")],
    ["a JSON body of 64 MB", 413, () => post(`{"emails": [${`"${"x".repeat(65_000)}",`.repeat(1024)}"a@b.c"]}`, "application/json")],
    ["an XLSX cell at ZZZZZZZ1", 400, () => postXlsx(xlsxOf({ sheet: sheetOf([inline("A1"), inline("ZZZZZZZ1")]) }))],
    ["an XLSX zip bomb", 413, () => postXlsx(xlsxOf({ sheet: repeated("<row/>", 20_000_000) }))],
    [
      "an XLSX cell of 100 MB of text without markup",
      413,
      () =>
        postXlsx(
          xlsxOf({
            sheet: ['<worksheet><sheetData><row><c t="inlineStr"><is><t>', ...repeated("x", 100 * MiB), "</t></is></c></row></sheetData></worksheet>"],
          }),
        ),
    ],
    ["XLSX shared strings past their cap", 413, () => postXlsx(xlsxOf({ sheet: sheetOf([inline("A1")]), sharedStrings: numbered() }))],
  ] as const)("answers %s with %i, and reports workerd's peak RSS", async (name, status, send) => {
    writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
    const before = statusKiB(pid, "VmRSS") * 1024;
    const response = await send().catch((error: unknown) => error);
    const peak = statusKiB(pid, "VmHWM") * 1024;
    console.log(`${name}: RSS ${(before / MiB).toFixed(0)} MiB before, peak ${(peak / MiB).toFixed(0)} MiB (+${((peak - before) / MiB).toFixed(0)} MiB)`);
    if (!(response instanceof Response)) throw response;
    expect(response.status, await response.text()).toBe(status);
    expect(peak - before).toBeLessThan(MAX_GROWTH);
  });

  it("takes a normal upload after them all", async () => {
    const response = await post("email\r\nann@example.net\r\nbob@example.net\r\n", "text/csv");
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "queued", total: 2 });
  });
});
