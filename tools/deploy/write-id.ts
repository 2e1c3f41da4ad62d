/**
 * Writes a created resource's id into wrangler.toml, in the `[[env.<env>.<table>]]` block whose
 * `binding` is `binding`, as the value of `key`, leaving every other byte (comments, order) as
 * it was. Throws when no such block exists.
 *
 * @example
 * writeId(toml, { env: "staging", table: "kv_namespaces", binding: "LISTS", key: "id" }, "0f2b…");
 */
export function writeId(toml: string, where: { env: string; table: string; binding: string; key: string }, id: string): string {
  const header = `[[env.${where.env}.${where.table}]]`;
  const lines = toml.split("\n");
  let inBlock = false;
  let matchesBinding = false;
  let keyLine = -1;
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed.startsWith("[")) {
      if (inBlock && matchesBinding && keyLine >= 0) break;
      inBlock = trimmed === header;
      matchesBinding = false;
      keyLine = -1;
      continue;
    }
    if (!inBlock) continue;
    if (new RegExp(`^binding\\s*=\\s*"${where.binding}"`).test(trimmed)) matchesBinding = true;
    if (new RegExp(`^${where.key}\\s*=`).test(trimmed)) keyLine = index;
  }
  if (!(inBlock && matchesBinding && keyLine >= 0)) throw new Error(`wrangler.toml: no ${header} with binding "${where.binding}" and a ${where.key}`);
  lines[keyLine] = lines[keyLine]!.replace(/=\s*"[^"]*"/, () => `= ${JSON.stringify(id)}`);
  return lines.join("\n");
}
