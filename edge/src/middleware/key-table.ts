import type { ApiKeySetting, Scope } from "../../../shared/settings/api-keys";
import { timingSafeEqualText } from "../../../shared/http/timing-safe";

/** A configured key as the edge holds it: its SHA-256, never the key itself. */
export interface KnownKey {
  /** Owns the jobs made with the key: `key:<id>`, or `key:<first 12 hex of the hash>` for a plain-list key. */
  owner: string;
  sha256: string;
  scopes: ReadonlySet<Scope>;
  /** A widget key's origins; null for any other key. */
  origins: readonly string[] | null;
}

const encoder = new TextEncoder();

/**
 * The SHA-256 of a text (its UTF-8 bytes) in lower-case hex, as `sha256sum` prints it.
 *
 * @example
 * await sha256Hex("abc"); // "ba7816bf…"
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const tables = new WeakMap<readonly ApiKeySetting[], Promise<KnownKey[]>>();

/**
 * The keys of the settings, hashed once per isolate: plain keys are hashed on first use and only
 * their hashes are kept.
 *
 * @example
 * const keys = await knownKeys(edgeSettings(env).apiKeys);
 */
export function knownKeys(settings: readonly ApiKeySetting[]): Promise<KnownKey[]> {
  let table = tables.get(settings);
  if (!table) {
    table = Promise.all(
      settings.map(async ({ id, secret, scopes, origins }) => {
        const sha256 = "sha256" in secret ? secret.sha256 : await sha256Hex(secret.key);
        return { owner: `key:${id ?? sha256.slice(0, 12)}`, sha256, scopes: new Set(scopes), origins: origins ?? null };
      }),
    );
    tables.set(settings, table);
  }
  return table;
}

/**
 * The known key a presented key hashes to, or null. Every entry is compared, in constant time,
 * so the time taken does not tell which key came close.
 *
 * @example
 * const key = await findKey(await knownKeys(settings.apiKeys), presented);
 */
export async function findKey(keys: readonly KnownKey[], presented: string): Promise<KnownKey | null> {
  const hash = await sha256Hex(presented);
  let found: KnownKey | null = null;
  for (const key of keys) if (timingSafeEqualText(hash, key.sha256) && found === null) found = key;
  return found;
}
