import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { CliError, EXIT } from "./exit-codes";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The body that uploads a list to `POST /v1/jobs`, read from disk as it is sent: an XLSX file
 * in a multipart form's `file` field, anything else as a `text/csv` body (fetch sends a file's
 * Content-Length, which the API requires). The API finds the encoding, delimiter and e-mail
 * column itself.
 *
 * @example
 * const { body, bytes } = await uploadBody("list.csv");
 * await api.createJob(body);
 */
export async function uploadBody(path: string): Promise<{ body: Blob | FormData; bytes: number }> {
  const isXlsx = /\.xlsx$/i.test(path);
  let file: Blob;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(EXIT.input, `${path} is not a file`);
    file = await openAsBlob(path, { type: isXlsx ? XLSX_TYPE : "text/csv" });
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = error instanceof Error && "code" in error ? ` (${String(error.code)})` : "";
    throw new CliError(EXIT.input, `cannot read ${path}${code}`);
  }
  if (!isXlsx) return { body: file, bytes: file.size };
  const form = new FormData();
  form.append("file", file, basename(path));
  return { body: form, bytes: file.size };
}
