import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BulkInputError } from "../../../../shared/bulk";
import { repeated, sheetOf, xlsxOf } from "../../../../shared/bulk/testing/xlsx-fixtures";
import { openUpload } from "../../jobs/upload/open-upload";
import { formBody } from "../../jobs/upload/upload-testing";

const BOUNDARY = "----mailvetHostile";
const NORMAL_CSV = "email\r\nann@example.net\r\nbob@example.net\r\n";

/** A body handed out in chunks as it is read, with no Content-Length, as a streaming client sends it. */
function streamed(chunks: Iterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? new TextEncoder().encode(next.value) : next.value);
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string>) => SELF.fetch("http://edge/v1/jobs", { method: "POST", body, headers });
const postFile = (file: Uint8Array) => post(formBody(BOUNDARY, [["file", file]]), { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` });

async function storedKeys(): Promise<string[]> {
  return (await env.JOBS_BUCKET.list({ prefix: "jobs/" })).objects.map((object) => object.key);
}

/**
 * Sends a hostile request and checks the refusal (status, code, a reason in the message), that
 * nothing new is stored, and that a normal upload right after is taken.
 */
async function expectRefused(send: () => Promise<Response>, status: number, code: string, reason: string): Promise<void> {
  const before = await storedKeys();
  const response = await send();
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.message).toContain(reason);
  expect(await storedKeys()).toEqual(before);
  const normal = await post(NORMAL_CSV, { "Content-Type": "text/csv" });
  expect(normal.status, await normal.clone().text()).toBe(202);
  expect(await normal.json()).toMatchObject({ status: "queued", total: 2 });
}

const inline = (reference: string) => `<c r="${reference}" t="inlineStr"><is><t>ann@example.net</t></is></c>`;

// Files of megabytes through R2 and back take seconds on a busy machine.
describe("POST /v1/jobs against hostile uploads", { timeout: 120_000 }, () => {
  it("refuses an XLSX cell past column XFD with a 400, and so does every later reader of such an upload", async () => {
    const file = await xlsxOf({ sheet: sheetOf([inline("A1"), inline("ZZZZZZZ1")]) });
    await expectRefused(() => postFile(file), 400, "invalid_request", "past XFD1048576");
    // An upload stored before this check: assembly and downloads open it through openUpload too.
    await env.JOBS_BUCKET.put("jobs/legacy/upload", file);
    const opened = await openUpload(env, "jobs/legacy/upload").catch((error: unknown) => error);
    expect(opened).toBeInstanceOf(BulkInputError);
    expect(opened).toMatchObject({ code: "bad_xlsx" });
    await env.JOBS_BUCKET.delete("jobs/legacy/upload");
  });

  it("refuses an XLSX zip bomb with a 413", async () => {
    await expectRefused(async () => postFile(await xlsxOf({ sheet: repeated("<row/>", 20_000_000) })), 413, "payload_too_large", "unpacks to more than");
  });

  it("refuses an XLSX with over 10,000 files in its zip directory with a 400", async () => {
    await expectRefused(async () => postFile(await xlsxOf({ sheet: sheetOf([inline("A1")]), extra: 10_001 })), 400, "invalid_request", "10,000 files");
  });

  it("refuses an XLSX with over 1,000,000 shared strings with a 413", async () => {
    const strings = [
      "<sst>",
      ...Array.from({ length: 1001 }, (_, block) => Array.from({ length: 1000 }, (_, i) => `<si><t>${block * 1000 + i}</t></si>`).join("")),
      "</sst>",
    ];
    await expectRefused(
      async () => postFile(await xlsxOf({ sheet: sheetOf([inline("A1")]), sharedStrings: strings })),
      413,
      "payload_too_large",
      "1,000,000 strings",
    );
  });

  it("refuses a CSV line of megabytes of delimiters with a 400", async () => {
    const line = ",".repeat(65_536);
    await expectRefused(
      () => post(streamed(["email\r\nann@example.net\r\n", ...Array.from({ length: 64 }, () => line), "\r\n"]), { "Content-Type": "text/csv" }),
      400,
      "invalid_request",
      "more than 16,384 cells",
    );
  });

  it("caps a JSON list's body before parsing it, streamed or with a Content-Length", async () => {
    const junk = `{"emails": [${Array.from({ length: 3000 }, () => `"${"x".repeat(998)}"`).join(",")}]}`;
    await expectRefused(() => post(junk, { "Content-Type": "application/json" }), 413, "payload_too_large", "larger than 2097152 bytes");
    const pieces = function* () {
      yield '{"emails": [';
      for (let index = 0; index < 5000; index++) yield `"${"y".repeat(998)}",`;
      yield '"ann@example.net"]}';
    };
    await expectRefused(() => post(streamed(pieces()), { "Content-Type": "application/json" }), 413, "payload_too_large", "larger than 2097152 bytes");
    const small = await post(JSON.stringify({ emails: ["ann@example.net"] }), { "Content-Type": "application/json" });
    expect(small.status).toBe(202);
  });

  it("answers an upload shorter than its Content-Length with a 400", async () => {
    await expectRefused(
      () => post(streamed([NORMAL_CSV]), { "Content-Type": "text/csv", "Content-Length": String(NORMAL_CSV.length + 100) }),
      400,
      "invalid_request",
      "bytes its Content-Length declares",
    );
  });
});
