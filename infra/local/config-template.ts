import { readFile } from "node:fs/promises";

/**
 * A peer's config file with its `{{NAME}}` placeholders filled in (ports, run directories),
 * so the configs in the repo stay readable files rather than strings in code.
 *
 * @example
 * await fillConfigTemplate("infra/local/dns/unbound.conf", { UNBOUND_PORT: 5301, RUN_DIR: dir });
 */
export async function fillConfigTemplate(path: string, values: Record<string, string | number>): Promise<string> {
  const template = await readFile(path, "utf8");
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}
