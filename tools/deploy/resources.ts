import { type EnvironmentPlan, kvTitle, PLACEHOLDER_ID } from "./config";
import type { Wrangler } from "./wrangler-cli";
import { writeId } from "./write-id";

/**
 * Creates each KV namespace, R2 bucket, queue and D1 database of the environment that the
 * account lacks, and returns wrangler.toml with every id the environment binds filled in (an
 * existing resource's id too, so a second checkout of the repo finds the same ones). Found by
 * name: the KV title `<worker>-<binding>`, the others as wrangler.toml names them.
 *
 * @example
 * writeFileSync("wrangler.toml", ensureResources(plan, readFileSync("wrangler.toml", "utf8"), wrangler, console.log));
 */
export function ensureResources(plan: EnvironmentPlan, toml: string, wrangler: Wrangler, log: (line: string) => void): string {
  let updated = toml;
  const kvList = () => JSON.parse(wrangler(["kv", "namespace", "list"])) as { id: string; title: string }[];
  let namespaces = kvList();
  for (const kv of plan.kv) {
    const title = kvTitle(plan, kv.binding);
    if (!namespaces.some((namespace) => namespace.title === title)) {
      wrangler(["kv", "namespace", "create", title]);
      log(`created KV namespace ${title}`);
      namespaces = kvList();
    }
    const id = idOf(namespaces.find((namespace) => namespace.title === title)?.id, `KV namespace ${title}`);
    if (id !== kv.id) updated = writeId(updated, { env: plan.name, table: "kv_namespaces", binding: kv.binding, key: "id" }, id);
  }

  const buckets = new Set([...wrangler(["r2", "bucket", "list"]).matchAll(/^name:\s+(\S+)/gm)].map((match) => match[1]));
  for (const bucket of plan.buckets.filter((name) => !buckets.has(name))) {
    wrangler(["r2", "bucket", "create", bucket]);
    log(`created R2 bucket ${bucket}`);
  }

  // `queues list` prints a table; a queue exists when its name is one of the cells.
  const queueCells = new Set(wrangler(["queues", "list"]).split(/[\s│|]+/));
  for (const queue of plan.queues.filter((name) => !queueCells.has(name))) {
    wrangler(["queues", "create", queue]);
    log(`created queue ${queue}`);
  }

  const d1List = () => JSON.parse(wrangler(["d1", "list", "--json"])) as { uuid: string; name: string }[];
  let databases = d1List();
  for (const database of plan.d1) {
    if (!databases.some((found) => found.name === database.name)) {
      wrangler(["d1", "create", database.name]);
      log(`created D1 database ${database.name}`);
      databases = d1List();
    }
    const id = idOf(databases.find((found) => found.name === database.name)?.uuid, `D1 database ${database.name}`);
    if (id !== database.id) updated = writeId(updated, { env: plan.name, table: "d1_databases", binding: database.binding, key: "database_id" }, id);
  }
  return updated;
}

function idOf(id: string | undefined, what: string): string {
  if (!id || id === PLACEHOLDER_ID) throw new Error(`${what}: created, but wrangler does not list it`);
  return id;
}
