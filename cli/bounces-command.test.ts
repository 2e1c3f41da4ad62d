import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./args";
import { bounceFileType, runBouncesImport } from "./bounces-command";
import { CliError, EXIT } from "./exit-codes";

const output = () => {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
};

describe("mailvet bounces import", () => {
  it("reads the file to import, and refuses anything else as a usage error", () => {
    expect(parseCommandLine(["bounces", "import", "b.csv", "--json"], {})).toMatchObject({ name: "bounces", action: "import", file: "b.csv", json: true });
    for (const argv of [["bounces"], ["bounces", "export"], ["bounces", "import"]]) {
      expect(() => parseCommandLine(argv, {})).toThrow(CliError);
    }
  });

  it("sends an mbox as application/mbox and anything else as text/csv", () => {
    expect(bounceFileType("bounces.mbox", "")).toBe("application/mbox");
    expect(bounceFileType("bounces.txt", "From MAILER-DAEMON Fri Dec  4 00:00:00 2026\n")).toBe("application/mbox");
    expect(bounceFileType("bounces.csv", "email,status\n")).toBe("text/csv");
    expect(bounceFileType("bounces.txt", "From: someone\n")).toBe("text/csv");
  });

  it("uploads the file with the key and prints the counts and the reasons", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mailvet-bounces-"));
    const seen: { type?: string; auth?: string; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        seen.push({ type: request.headers["content-type"], auth: request.headers.authorization, body });
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ imported: 1, skipped: 1, reasons: [{ item: 3, reason: "no recipient" }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const file = join(dir, "bounces.csv");
      await writeFile(file, "email,status\nann@example.org,5.1.1\n,5.1.1\n");
      const [stdout, stderr] = [output(), output()];
      const api = { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, key: "key-0123456789abcdef" };
      const code = await runBouncesImport(
        { name: "bounces", action: "import", file, api, json: false },
        { stdout: stdout.stream, stderr: stderr.stream, signal: new AbortController().signal },
      );
      expect(code).toBe(EXIT.ok);
      expect(seen).toEqual([{ type: "text/csv", auth: "Bearer key-0123456789abcdef", body: "email,status\nann@example.org,5.1.1\n,5.1.1\n" }]);
      expect(stdout.text()).toBe("imported 1, skipped 1\n");
      expect(stderr.text()).toBe("  skipped 3: no recipient\n");
      await expect(
        runBouncesImport(
          { name: "bounces", action: "import", file: join(dir, "missing.csv"), api, json: false },
          { stdout: stdout.stream, stderr: stderr.stream, signal: new AbortController().signal },
        ),
      ).rejects.toMatchObject({ exitCode: EXIT.input });
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
