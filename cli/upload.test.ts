import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes";
import { uploadBody } from "./upload";

const dir = mkdtempSync(join(tmpdir(), "mailvet-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("uploadBody", () => {
  it("sends a CSV as a text/csv body of the file's size", async () => {
    writeFileSync(join(dir, "list.csv"), "email\nann@example.org\n");
    const { body, bytes } = await uploadBody(join(dir, "list.csv"));
    expect(body).toBeInstanceOf(Blob);
    expect((body as Blob).type).toBe("text/csv");
    expect(bytes).toBe(22);
    expect(await (body as Blob).text()).toBe("email\nann@example.org\n");
  });

  it("sends an XLSX in a form's file field, under its own name", async () => {
    writeFileSync(join(dir, "List.XLSX"), "PK");
    const { body } = await uploadBody(join(dir, "List.XLSX"));
    const file = (body as FormData).get("file") as File;
    expect(file.name).toBe("List.XLSX");
    expect(file.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("reports a missing file or a folder as an input problem", async () => {
    await expect(uploadBody(join(dir, "nope.csv"))).rejects.toMatchObject({
      exitCode: EXIT.input,
      message: expect.stringMatching(/cannot read .*nope\.csv \(ENOENT\)/),
    });
    await expect(uploadBody(dir)).rejects.toMatchObject({ exitCode: EXIT.input, message: expect.stringMatching(/is not a file/) });
  });
});
