import { describe, expect, it } from "vitest";
import { BulkInputError } from "../../../../shared/bulk";
import { writeXlsx } from "../../../../shared/bulk/xlsx/write-xlsx";
import { ApiError } from "../../../../shared/http/api-error";
import { storeUpload } from "./upload";
import { PART_BYTES } from "./upload-parts";
import { firstDifference, formBody, noise, stored, testKey, trickle, upload, watchedBucket } from "./upload-testing";
import { env } from "cloudflare:workers";

const MiB = 1024 * 1024;
const BOUNDARY = "----mailvetFormBoundary7MA4YWxkTrZu0gW";
const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** How storeUpload refused: the status the API answers with, the code and the message. */
async function refusal(attempt: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = await attempt.then(
    () => new Error("the upload was stored"),
    (caught: unknown) => caught,
  );
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof BulkInputError) return { status: error.httpStatus, code: error.code, message: error.message };
  throw error;
}

/**
 * File bytes with what trips a careless reader: line breaks, dashes, the boundary after no line
 * break and most of it after one (all of it after a line break would end the part, so a client
 * picks a boundary its file does not hold).
 */
const trickyCsv = () => new TextEncoder().encode(`email\r\nann@example.net;--${BOUNDARY}\r\n\r\n--${BOUNDARY.slice(0, -1)}\r\n-\r\n--\n\r`);

describe("storeUpload: a CSV body", () => {
  it("stores one with a Content-Length in one put, byte-exact", async () => {
    const bytes = noise(3 * MiB);
    const key = testKey();
    const result = await storeUpload(
      upload(trickle(bytes, 65_536).stream, { "Content-Type": "text/csv", "Content-Length": String(bytes.byteLength) }),
      env.JOBS_BUCKET,
      key,
      10 * MiB,
    );
    expect(result).toEqual({ fields: {} });
    expect(firstDifference(await stored(key), bytes)).toBe(-1);
  });

  it("refuses a declared length over the limit before reading a byte", async () => {
    const body = trickle(noise(2000), 100);
    const key = testKey();
    expect(await refusal(storeUpload(upload(body.stream, { "Content-Type": "text/csv", "Content-Length": "2000" }), env.JOBS_BUCKET, key, 1000))).toMatchObject(
      { status: 413, code: "too_large" },
    );
    expect(body.pulled()).toBe(0);
    expect(await stored(key)).toBeNull();
  });

  it("stores a chunked one of 12 MiB in parts as it arrives, byte-exact", async () => {
    const bytes = noise(12 * MiB);
    const body = trickle(bytes, 4096);
    const { bucket, parts } = watchedBucket(body.pulled);
    const key = testKey();
    await storeUpload(upload(body.stream, { "Content-Type": "text/plain; charset=utf-8" }), bucket, key, 12 * MiB);
    expect(parts).toHaveLength(3);
    expect(firstDifference(await stored(key), bytes)).toBe(-1);
  });

  it("refuses a chunked one over the limit while it arrives, and leaves nothing", async () => {
    const body = trickle(noise(5000), 100);
    const key = testKey();
    expect(await refusal(storeUpload(upload(body.stream, { "Content-Type": "text/csv" }), env.JOBS_BUCKET, key, 1000))).toMatchObject({
      status: 413,
      code: "too_large",
    });
    expect(body.pulled()).toBeLessThanOrEqual(1100);
    expect(await stored(key)).toBeNull();
  });

  it("answers a chunked body that breaks off with a 400, and leaves nothing", async () => {
    const key = testKey();
    const body = trickle(noise(8 * MiB), 65_536, 6 * MiB);
    expect(await refusal(storeUpload(upload(body.stream, { "Content-Type": "text/csv" }), env.JOBS_BUCKET, key, 10 * MiB))).toEqual({
      status: 400,
      code: "invalid_request",
      message: "the upload broke off before its end",
    });
    expect(await stored(key)).toBeNull();
  });

  it("answers a body with a Content-Length that breaks off with a 400, and leaves nothing", async () => {
    const key = testKey();
    const body = trickle(noise(4000), 100, 2000);
    expect(await refusal(storeUpload(upload(body.stream, { "Content-Type": "text/csv", "Content-Length": "4000" }), env.JOBS_BUCKET, key, 10_000))).toEqual({
      status: 400,
      code: "invalid_request",
      message: "the upload ended after 2000 of the 4000 bytes its Content-Length declares",
    });
    expect(await stored(key)).toBeNull();
  });

  it("answers a body shorter than its Content-Length with a 400, and leaves nothing", async () => {
    const key = testKey();
    const body = trickle(noise(3000), 1000);
    expect(
      await refusal(storeUpload(upload(body.stream, { "Content-Type": "text/csv", "Content-Length": "4000" }), env.JOBS_BUCKET, key, 10_000)),
    ).toMatchObject({
      status: 400,
      message: "the upload ended after 3000 of the 4000 bytes its Content-Length declares",
    });
    expect(await stored(key)).toBeNull();
  });

  it("names the accepted types for any other", async () => {
    // Bytes, since a string body would be given text/plain.
    for (const headers of [{ "Content-Type": "application/octet-stream" }, {}] as Record<string, string>[]) {
      const { status, message } = await refusal(storeUpload(upload(new TextEncoder().encode("email\n"), headers), env.JOBS_BUCKET, testKey(), 1000));
      expect(status).toBe(400);
      expect(message).toMatch(/text\/csv.*multipart\/form-data.*application\/json/);
    }
  });
});

describe("storeUpload: a multipart form", () => {
  it.each([
    [
      "first",
      [
        ["file", trickyCsv()],
        ["webhook_url", "https://hooks.example/done"],
        ["reverify_days", "30"],
      ],
    ],
    [
      "last",
      [
        ["webhook_url", "https://hooks.example/done"],
        ["reverify_days", "30"],
        ["file", trickyCsv()],
      ],
    ],
  ] as const)("stores the file byte-exact when it comes %s, and returns the other fields", async (_, fields) => {
    const key = testKey();
    const body = trickle(formBody(BOUNDARY, fields), 7);
    const result = await storeUpload(upload(body.stream, { "Content-Type": FORM_TYPE }), env.JOBS_BUCKET, key, MiB);
    expect(result).toEqual({ fields: { webhook_url: "https://hooks.example/done", reverify_days: "30" } });
    expect(firstDifference(await stored(key), trickyCsv())).toBe(-1);
  });

  it("stores an XLSX sent by the platform's FormData byte-exact", async () => {
    async function* rows() {
      yield ["email", "name"];
      for (let row = 0; row < 2000; row++) yield [`user${row}@example.net`, `Name ${row}`];
    }
    const pieces: Uint8Array[] = [];
    for await (const piece of writeXlsx("Sheet1", rows())) pieces.push(piece);
    const xlsx = new Uint8Array(await new Blob(pieces).arrayBuffer());
    const form = new FormData();
    form.append("file", new File([xlsx], "list.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    form.append("webhook_url", "https://hooks.example/done");
    const key = testKey();
    const request = new Request("http://edge/v1/jobs", { method: "POST", body: form });
    expect(await storeUpload(request, env.JOBS_BUCKET, key, MiB)).toEqual({ fields: { webhook_url: "https://hooks.example/done" } });
    expect(firstDifference(await stored(key), xlsx)).toBe(-1);
  });

  it("sends a 30 MiB file to R2 part by part as it arrives, never holding it", async () => {
    const file = noise(30 * MiB);
    const chunkSize = 64 * 1024;
    const body = trickle(
      formBody(BOUNDARY, [
        ["webhook_url", "https://hooks.example/done"],
        ["file", file],
      ]),
      chunkSize,
    );
    const { bucket, parts } = watchedBucket(body.pulled);
    const key = testKey();
    await storeUpload(upload(body.stream, { "Content-Type": FORM_TYPE }), bucket, key, 1024 * MiB);
    expect(parts.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // When part n went up, the body had been read no further than n parts, the form's first
    // lines and the chunk that filled the part: the rest was still to come.
    for (const { number, progress } of parts) expect(progress).toBeLessThanOrEqual(number * PART_BYTES + chunkSize + 1024);
    expect(firstDifference(await stored(key), file)).toBe(-1);
  });

  it("refuses a file over the limit while it arrives, and leaves nothing", async () => {
    const key = testKey();
    const body = trickle(
      formBody(BOUNDARY, [
        ["webhook_url", "https://hooks.example/done"],
        ["file", noise(8 * MiB)],
      ]),
      65_536,
    );
    expect(await refusal(storeUpload(upload(body.stream, { "Content-Type": FORM_TYPE }), env.JOBS_BUCKET, key, 6 * MiB))).toMatchObject({
      status: 413,
      code: "too_large",
    });
    expect(body.pulled()).toBeLessThan(7 * MiB);
    expect(await stored(key)).toBeNull();
  });

  it.each([
    ["no boundary in its Content-Type", "multipart/form-data", formBody(BOUNDARY, [["file", trickyCsv()]]), /names no boundary/],
    [
      "another boundary than its Content-Type's",
      "multipart/form-data; boundary=other",
      formBody(BOUNDARY, [["file", trickyCsv()]]),
      /no part with the boundary/,
    ],
    ["no closing boundary", FORM_TYPE, formBody(BOUNDARY, [["file", noise(100_000)]]).slice(0, -10), /ends before its closing boundary/],
    ["a part with no name", FORM_TYPE, new TextEncoder().encode(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--`), /no name/],
    ["no file", FORM_TYPE, formBody(BOUNDARY, [["webhook_url", "https://hooks.example/done"]]), /the form has no file in its `file` field/],
    [
      "two files",
      FORM_TYPE,
      formBody(BOUNDARY, [
        ["file", trickyCsv()],
        ["file", trickyCsv()],
      ]),
      /more than one `file`/,
    ],
    [
      "a field over 8 KiB after the file",
      FORM_TYPE,
      formBody(BOUNDARY, [
        ["file", trickyCsv()],
        ["webhook_url", "x".repeat(9000)],
      ]),
      /`webhook_url` field is over 8192 bytes/,
    ],
    [
      "too many fields",
      FORM_TYPE,
      formBody(BOUNDARY, [...Array.from({ length: 40 }, (_, index): [string, string] => ["note", String(index)]), ["file", trickyCsv()]]),
      /more than 32 fields/,
    ],
  ])("answers a form with %s with a 400, and leaves nothing", async (_, contentType, bytes, message) => {
    const key = testKey();
    const {
      status,
      code,
      message: said,
    } = await refusal(storeUpload(upload(trickle(bytes, 1000).stream, { "Content-Type": contentType }), env.JOBS_BUCKET, key, MiB));
    expect({ status, code }).toEqual({ status: 400, code: "invalid_request" });
    expect(said).toMatch(message);
    expect(await stored(key)).toBeNull();
  });

  it("answers a form that breaks off in its file with a 400, and leaves nothing", async () => {
    const key = testKey();
    const body = trickle(formBody(BOUNDARY, [["file", noise(8 * MiB)]]), 65_536, 6 * MiB);
    expect(await refusal(storeUpload(upload(body.stream, { "Content-Type": FORM_TYPE }), env.JOBS_BUCKET, key, 10 * MiB))).toMatchObject({
      status: 400,
      message: "the upload broke off before its end",
    });
    expect(await stored(key)).toBeNull();
  });
});
