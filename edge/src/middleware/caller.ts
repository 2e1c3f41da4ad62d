import type { Scope } from "../../../shared/settings/api-keys";
import { ipBytes } from "../../../shared/net/ip-bytes";
import { sha256Hex } from "./key-table";

/** Who is asking, as the routes, the rate limits and the probers see it. */
export interface Caller {
  /** Owns the jobs the caller creates and may see them: `key:<id>`, or `open` when the API has no keys. */
  owner: string;
  scopes: ReadonlySet<Scope>;
  /** Counted against the per-key limit (a secret key), or the per-client one (no key, a widget key). */
  limitedAs: { kind: "key" | "client"; key: string };
  /** Opaque id the probers share their sessions fairly by: a hash, never a key or an address. */
  probeId: string;
}

/** Every scope: the API without keys is open (local use). */
export const ALL_SCOPES: ReadonlySet<Scope> = new Set<Scope>(["verify", "jobs", "admin"]);

/**
 * The client a request comes from, as rate limits count it: the address Cloudflare (or
 * miniflare locally) puts in CF-Connecting-IP, an IPv6 address by its /64 (one subscriber
 * gets a whole /64), or `unknown`.
 *
 * @example
 * clientOf(new Headers({ "CF-Connecting-IP": "2001:db8:1:2:3:4:5:6" })); // "2001:db8:1:2::/64"
 */
export function clientOf(headers: Headers): string {
  const ip = headers.get("CF-Connecting-IP")?.trim() ?? "";
  const bytes = ipBytes(ip);
  if (bytes === null) return "unknown";
  if (bytes.length === 4) return ip;
  const groups = Array.from({ length: 4 }, (_, index) => ((bytes[2 * index]! << 8) | bytes[2 * index + 1]!).toString(16));
  return `${groups.join(":")}::/64`;
}

/**
 * The opaque id a prober sees for a caller: 32 hex digits of a hash of what identifies it.
 *
 * @example
 * await probeIdOf("key:acme"); // "5d41402abc4b2a76b9719d911017c592"-like
 */
export async function probeIdOf(identity: string): Promise<string> {
  return (await sha256Hex(`mailvet-caller:${identity}`)).slice(0, 32);
}
