/**
 * `npm run lists:put -- <list> <file> [--remote] [--persist-to DIR]`: replaces one of the edge's
 * lists in KV without a redeploy. <list> is `disposable` (replaces the bundled blocklist) or
 * `disposable-allow` (domains never to call disposable). The file is one domain per line with
 * `#` comments; it is normalized here first (IDN to A-labels, invalid lines dropped and
 * counted), so the edge never parses a bad list. Without --remote it writes the local KV that
 * `npm start` uses. Isolates pick the new list up within five minutes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LIST_OVERRIDE_KEYS } from "../../shared/lists/override-keys";
import { formatDomainListText, parseDomainListText } from "../../shared/lists/list-text";
import { OFFLINE_WRANGLER_ENV, WRANGLER_BIN } from "../local/stack";

const KEY_BY_LIST: Record<string, string> = { disposable: LIST_OVERRIDE_KEYS.disposable, "disposable-allow": LIST_OVERRIDE_KEYS.disposableAllow };

const { positionals, values } = parseArgs({ allowPositionals: true, options: { remote: { type: "boolean" }, "persist-to": { type: "string" } } });
const [list, file] = positionals;
const key = list === undefined ? undefined : KEY_BY_LIST[list];
if (!key || !file) {
  console.error(`usage: npm run lists:put -- <${Object.keys(KEY_BY_LIST).join("|")}> <file> [--remote]`);
  process.exit(2);
}

const lines = readFileSync(file, "utf8");
const domains = parseDomainListText(lines);
const entries = lines.split(/\r\n|\r|\n/).filter((line) => line.replace(/#.*/, "").trim() !== "").length;
const dir = mkdtempSync(join(tmpdir(), "mailvet-list-"));
try {
  const normalized = join(dir, "list.txt");
  writeFileSync(normalized, formatDomainListText(domains));
  const where = values.remote ? ["--remote"] : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])];
  execFileSync(process.execPath, [WRANGLER_BIN, "kv", "key", "put", "--binding", "LISTS", key, "--path", normalized, ...where], {
    stdio: "inherit",
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
  });
  console.log(`${list}: ${domains.length} domains stored under ${key} (${entries - domains.length} lines skipped as invalid or repeated)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
