import { DomainList } from "../../shared/lists/domain-list";
import { logLine } from "../../shared/log/json-log";
import { LIST_OVERRIDE_KEYS } from "../../shared/lists/override-keys";
import type { Env } from "./env";

/** How long an isolate keeps what it read from KV before it looks again. */
const REFRESH_MS = 5 * 60_000;

export interface ListOverrides {
  /** Replaces the bundled disposable blocklist when set. */
  disposable?: DomainList;
  /** Domains never to call disposable, on top of the built-in guard for popular providers. */
  disposableAllow?: DomainList;
}

let cached: { readAt: number; overrides: Promise<ListOverrides> } | undefined;

async function readOverrides(lists: KVNamespace): Promise<ListOverrides> {
  const [disposable, disposableAllow] = await Promise.all([
    lists.get(LIST_OVERRIDE_KEYS.disposable, { cacheTtl: REFRESH_MS / 1000 }),
    lists.get(LIST_OVERRIDE_KEYS.disposableAllow, { cacheTtl: REFRESH_MS / 1000 }),
  ]);
  return {
    ...(disposable !== null && { disposable: DomainList.fromText(disposable) }),
    ...(disposableAllow !== null && { disposableAllow: DomainList.fromText(disposableAllow) }),
  };
}

/**
 * The list overrides stored in KV, read at most once per isolate every five minutes, and shared
 * by the requests in between (one KV read, one parse). If KV cannot be read, the bundled lists
 * serve: an outage of the override store must not fail verification.
 *
 * @example
 * const { disposable, disposableAllow } = await listOverrides(c.env);
 */
export async function listOverrides(env: Env): Promise<ListOverrides> {
  const now = Date.now();
  if (!cached || now - cached.readAt > REFRESH_MS) {
    const overrides = readOverrides(env.LISTS).catch((error: unknown) => {
      logLine("warn", "list overrides unreadable, using the bundled lists", { error: error instanceof Error ? error.message : String(error) });
      cached = undefined;
      return {};
    });
    cached = { readAt: now, overrides };
  }
  return cached.overrides;
}
