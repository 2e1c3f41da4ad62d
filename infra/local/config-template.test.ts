import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { fillConfigTemplate } from "./config-template";

it("fills every {{NAME}} placeholder and leaves the rest of the file as it is", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mailvet-template-"));
  try {
    const path = join(dir, "peer.conf");
    await writeFile(path, 'port: {{PORT}}\ndirectory: "{{DIR}}"\n# {literal} braces stay\n');
    expect(await fillConfigTemplate(path, { PORT: 5301, DIR: "/run/peer" })).toBe('port: 5301\ndirectory: "/run/peer"\n# {literal} braces stay\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
