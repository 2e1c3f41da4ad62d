import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BulkInputError, streamChunks } from "../../../../shared/bulk";
import { PART_BYTES, putChunks } from "./upload-parts";
import { firstDifference, noise, stored, testKey, trickle, watchedBucket } from "./upload-testing";

describe("putChunks, into miniflare's R2", () => {
  it.each([
    ["nothing, with one put", 0, 0],
    ["less than a part, with one put", 1000, 0],
    ["exactly two parts", 2 * PART_BYTES, 2],
    ["12 MiB in odd-sized chunks, in three parts", 12 * 1024 * 1024, 3],
  ])("stores %s, byte-exact", async (_, length, partCount) => {
    const bytes = noise(length);
    const body = trickle(bytes, 65_537);
    const { bucket, parts } = watchedBucket(body.pulled);
    const key = testKey();
    await putChunks(bucket, key, streamChunks(body.stream), length);
    expect(firstDifference(await stored(key), bytes)).toBe(-1);
    expect(parts.map((part) => part.number)).toEqual(Array.from({ length: partCount }, (_, index) => index + 1));
  });

  it("sends each part as it fills, before the rest of the body is read", async () => {
    const chunkSize = 64 * 1024;
    const body = trickle(noise(30 * 1024 * 1024), chunkSize);
    const { bucket, parts } = watchedBucket(body.pulled);
    await putChunks(bucket, testKey(), streamChunks(body.stream), 1 << 30);
    expect(parts).toHaveLength(6);
    // When part n went up, no more than n parts and the chunk that filled the last had been read.
    for (const { number, progress } of parts) expect(progress).toBeLessThanOrEqual(number * PART_BYTES + chunkSize);
  });

  it("refuses a body over the limit while it arrives, aborts the upload and leaves nothing", async () => {
    const maxBytes = PART_BYTES + 1000;
    const body = trickle(noise(3 * PART_BYTES), 64 * 1024);
    const { bucket, uploadIds } = watchedBucket(body.pulled);
    const key = testKey();
    const failure = await putChunks(bucket, key, streamChunks(body.stream), maxBytes).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BulkInputError);
    expect(failure).toMatchObject({ code: "too_large" });
    // It stopped reading just past the limit, not at the end of the body.
    expect(body.pulled()).toBeLessThanOrEqual(maxBytes + 64 * 1024);
    expect(await stored(key)).toBeNull();
    expect(uploadIds).toHaveLength(1);
    await expect(env.JOBS_BUCKET.resumeMultipartUpload(key, uploadIds[0] ?? "").uploadPart(1, "x")).rejects.toThrow();
  });

  it("leaves nothing when the body breaks off after a part was sent", async () => {
    const body = trickle(noise(3 * PART_BYTES), 64 * 1024, PART_BYTES + 200_000);
    const { bucket, parts, uploadIds } = watchedBucket(body.pulled);
    const key = testKey();
    await expect(putChunks(bucket, key, streamChunks(body.stream), 1 << 30)).rejects.toThrow("the connection was reset");
    expect(parts).toHaveLength(1);
    expect(await stored(key)).toBeNull();
    await expect(env.JOBS_BUCKET.resumeMultipartUpload(key, uploadIds[0] ?? "").uploadPart(1, "x")).rejects.toThrow();
  });
});
