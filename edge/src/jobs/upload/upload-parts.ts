import { tooLarge } from "../../../../shared/bulk/byte-source";

/**
 * The size of every part of an R2 multipart upload but the last: R2's smallest, since it is what
 * an upload holds in memory, and R2 wants all the parts before the last one the same size.
 */
export const PART_BYTES = 5 * 1024 * 1024;

/**
 * Streams bytes of unknown total length into R2 under `key`, holding one part at a time: each
 * part goes up as it fills, through a multipart upload, and a stream that ends before the first
 * part is full is stored with one put. Over `maxBytes`, the stream is refused while it arrives
 * (`tooLarge`). On any failure the multipart upload is aborted, so nothing is left under `key`.
 *
 * @example
 * await putChunks(env.JOBS_BUCKET, uploadKey(id), streamChunks(request.body), maxBytes);
 */
export async function putChunks(bucket: R2Bucket, key: string, chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<void> {
  // One buffer for every part: a part is sent before the next one is filled.
  const part = new Uint8Array(PART_BYTES);
  let filled = 0;
  let total = 0;
  let upload: R2MultipartUpload | undefined;
  const sent: R2UploadedPart[] = [];
  try {
    for await (const chunk of chunks) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      for (let offset = 0; offset < chunk.byteLength; ) {
        const length = Math.min(PART_BYTES - filled, chunk.byteLength - offset);
        part.set(chunk.subarray(offset, offset + length), filled);
        filled += length;
        offset += length;
        if (filled === PART_BYTES) {
          upload ??= await bucket.createMultipartUpload(key);
          sent.push(await upload.uploadPart(sent.length + 1, part));
          filled = 0;
        }
      }
    }
    if (!upload) {
      await bucket.put(key, part.subarray(0, filled));
      return;
    }
    if (filled > 0) sent.push(await upload.uploadPart(sent.length + 1, part.subarray(0, filled)));
    await upload.complete(sent);
  } catch (error) {
    // The abort's own failure would hide why the upload failed; R2 drops unfinished uploads anyway.
    await upload?.abort().catch(() => undefined);
    throw error;
  }
}
