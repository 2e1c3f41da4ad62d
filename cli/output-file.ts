import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CliError, EXIT } from "./exit-codes";

/**
 * Writes a stream to `path` through a temporary file beside it, renamed into place only once
 * everything is written: a failure or Ctrl-C half-way leaves the old file (or none), never a
 * half-written one. A file system error is an input problem (exit 4); a download that breaks
 * off is the API's (exit 3), worth another try; Ctrl-C passes through.
 *
 * @example
 * await writeWhole("clean.csv", response.body!, signal);
 */
export async function writeWhole(path: string, body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
  // Same directory, so the rename is atomic; a dot file, so it stays out of the way meanwhile.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(temporary, { flags: "wx" }), { signal });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (signal.aborted) throw error;
    // Only the file system's errors name a system call.
    if (error instanceof Error && "syscall" in error) throw new CliError(EXIT.input, `cannot write ${path} (${String((error as NodeJS.ErrnoException).code)})`);
    throw new CliError(EXIT.api, `the download of the results broke off (${error instanceof Error ? error.message : String(error)})`, true);
  }
}
