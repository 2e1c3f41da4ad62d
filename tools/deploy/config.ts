import { parse } from "smol-toml";

/** What `wrangler.toml` says the resources of one environment are named. */
export interface EnvironmentPlan {
  name: string;
  /** Worker name, e.g. mailvet-edge-staging. */
  worker: string;
  vars: Record<string, string>;
  kv: { binding: string; id: string }[];
  buckets: string[];
  queues: string[];
  d1: { binding: string; name: string; id: string }[];
}

/** The id wrangler.toml holds until `npm run deploy` has created the resource. */
export const PLACEHOLDER_ID = "created-by-npm-run-deploy";

interface RawEnvironment {
  name?: string;
  vars?: Record<string, unknown>;
  kv_namespaces?: { binding: string; id: string }[];
  r2_buckets?: { bucket_name: string }[];
  d1_databases?: { binding: string; database_name: string; database_id: string }[];
  queues?: { producers?: { queue: string }[]; consumers?: { queue: string; dead_letter_queue?: string }[] };
}

/**
 * Reads one `[env.<name>]` of wrangler.toml: the Worker's name, its vars and the resources it
 * binds. Throws when the environment is not there.
 *
 * @example
 * readEnvironment(readFileSync("wrangler.toml", "utf8"), "staging").buckets; // ["mailvet-jobs-staging"]
 */
export function readEnvironment(toml: string, name: string): EnvironmentPlan {
  const config = parse(toml) as { env?: Record<string, RawEnvironment> };
  const raw = config.env?.[name];
  if (!raw) throw new Error(`wrangler.toml has no [env.${name}]; the environments are: ${Object.keys(config.env ?? {}).join(", ") || "none"}`);
  const consumers = raw.queues?.consumers ?? [];
  const queues = [...(raw.queues?.producers ?? []), ...consumers].map((queue) => queue.queue);
  for (const consumer of consumers) if (consumer.dead_letter_queue) queues.push(consumer.dead_letter_queue);
  return {
    name,
    worker: raw.name ?? name,
    vars: Object.fromEntries(Object.entries(raw.vars ?? {}).map(([key, value]) => [key, String(value)])),
    kv: (raw.kv_namespaces ?? []).map(({ binding, id }) => ({ binding, id })),
    buckets: (raw.r2_buckets ?? []).map((bucket) => bucket.bucket_name),
    queues: [...new Set(queues)],
    d1: (raw.d1_databases ?? []).map((db) => ({ binding: db.binding, name: db.database_name, id: db.database_id })),
  };
}

/** The KV namespace title `npm run deploy` gives a binding: one per Worker and binding. */
export const kvTitle = (plan: EnvironmentPlan, binding: string) => `${plan.worker}-${binding}`;
