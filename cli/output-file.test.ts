import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError, EXIT } from "./exit-codes";
import { writeWhole } from "./output-file";

/** A stream of the given chunks that then fails, when `failure` is given, or ends. */
function streamOf(chunks: string[], failure?: Error): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (failure) controller.error(failure);
      else controller.close();
    },
  });
}

describe("writeWhole", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mailvet-cli-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the whole stream to the file and leaves nothing else", async () => {
    await writeWhole(join(dir, "out.csv"), streamOf(["email\n", "a@b.org\n"]), new AbortController().signal);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("email\na@b.org\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("replaces an existing file only once the new one is whole", async () => {
    writeFileSync(join(dir, "out.csv"), "old");
    await expect(writeWhole(join(dir, "out.csv"), streamOf(["half"], new TypeError("terminated")), new AbortController().signal)).rejects.toMatchObject({
      exitCode: EXIT.api,
      transient: true,
    });
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
    await writeWhole(join(dir, "out.csv"), streamOf(["new"]), new AbortController().signal);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("new");
  });

  it("leaves no file when interrupted, and lets the interruption through", async () => {
    const interrupt = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("first chunk\n"));
        // The rest never comes: Ctrl-C while the download hangs.
        interrupt.abort();
      },
    });
    await expect(writeWhole(join(dir, "out.csv"), body, interrupt.signal)).rejects.toMatchObject({ name: "AbortError" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reports a folder it cannot write to as a file problem", async () => {
    const error = await writeWhole(join(dir, "missing", "out.csv"), streamOf(["x"]), new AbortController().signal).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: EXIT.input, message: expect.stringMatching(/cannot write .*out\.csv \(ENOENT\)/) });
  });
});
