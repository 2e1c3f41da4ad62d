import { formBoundary } from "../../../../shared/bulk/multipart-headers";
import { type FormPart, MultipartError, readFormParts } from "../../../../shared/bulk/multipart-reader";
import { ApiError } from "../../../../shared/http/api-error";
import { putChunks } from "./upload-parts";

/** The form's other fields are options (webhook_url, reverify_days, …): short, and few. */
const MAX_FIELD_BYTES = 8 * 1024;
const MAX_FIELDS = 32;

const invalid = (message: string) => new ApiError(400, "invalid_request", message);

/**
 * Streams the `file` field of a `multipart/form-data` body into R2 under `key` (through
 * putChunks, so never held whole, and refused over `maxBytes`), and returns the other fields as
 * text. The file may come before or after them. On any failure nothing is left under `key`.
 *
 * @example
 * const fields = await putForm(env.JOBS_BUCKET, uploadKey(id), streamChunks(request.body), contentType, maxBytes);
 */
export async function putForm(
  bucket: R2Bucket,
  key: string,
  body: AsyncIterable<Uint8Array>,
  contentType: string,
  maxBytes: number,
): Promise<Record<string, string>> {
  const boundary = formBoundary(contentType);
  if (boundary === null) throw invalid("the multipart/form-data Content-Type names no boundary");
  const fields = new Map<string, string>();
  let others = 0;
  let stored = false;
  try {
    for await (const part of readFormParts(body, boundary)) {
      if (part.name === "file") {
        if (stored) throw invalid("the form has more than one `file` field");
        await putChunks(bucket, key, part.body, maxBytes);
        stored = true;
      } else {
        if (++others > MAX_FIELDS) throw invalid(`the form has more than ${MAX_FIELDS} fields`);
        // The first of a repeated field counts, as FormData.get has it.
        const value = await fieldText(part);
        if (!fields.has(part.name)) fields.set(part.name, value);
      }
    }
    if (!stored) throw invalid("the form has no file in its `file` field");
    return Object.fromEntries(fields);
  } catch (error) {
    // The file may be in R2 already when a later field turns out wrong.
    if (stored) await bucket.delete(key);
    throw error instanceof MultipartError ? invalid(error.message) : error;
  }
}

/** A field's value as text, refused over MAX_FIELD_BYTES. */
async function fieldText(part: FormPart): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for await (const chunk of part.body) {
    bytes += chunk.byteLength;
    if (bytes > MAX_FIELD_BYTES) throw invalid(`the form's \`${part.name.slice(0, 40)}\` field is over ${MAX_FIELD_BYTES} bytes; only the file may be large`);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
