import { ROLE_LOCAL_PARTS_TEXT } from "./bundled/role-local-parts";

/** `no-reply`, `no_reply`, `no.reply` and `noreply` are one role, however it is separated. */
const SEPARATORS = /[._-]/g;

/** `sales2` and `support01` are numbered instances of a role. */
const TRAILING_DIGITS = /\d+$/;

/** Keys this short are also a person's initials (`m.d`, `a-p`) when written with separators. */
const MAX_INITIALS_LENGTH = 3;

let roleKeys: Set<string> | undefined;
let roleKeyHashes: Set<number> | undefined;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of a role key, the same hash `mayBeRole` computes on the fly. */
function hashOfKey(key: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME) >>> 0;
  return hash;
}

/**
 * Whether a local part could be a role, decided in one pass without allocating: it hashes the
 * role key (lower-cased, separators dropped, up to a `+`) with and without a trailing number,
 * and looks the hashes up. Almost every local part is a person and stops here; a hit is
 * confirmed on the text, so a hash collision never makes a person a role.
 */
function mayBeRole(localPart: string): boolean {
  roleKeyHashes ??= new Set(ROLE_LOCAL_PARTS_TEXT.split("\n").map(hashOfKey));
  let hash = FNV_OFFSET;
  let hashBeforeDigits = FNV_OFFSET;
  let inDigits = false;
  for (let i = 0; i < localPart.length; i++) {
    let code = localPart.charCodeAt(i);
    if (code === 0x2b /* + */) break;
    if (code === 0x2e || code === 0x5f || code === 0x2d /* . _ - */) continue;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    const digit = code >= 0x30 && code <= 0x39;
    if (digit && !inDigits) hashBeforeDigits = hash;
    inDigits = digit;
    hash = Math.imul(hash ^ code, FNV_PRIME) >>> 0;
  }
  return roleKeyHashes.has(hash) || (inDigits && roleKeyHashes.has(hashBeforeDigits));
}

/**
 * The form in which role names are compared: lower-cased, without separators.
 *
 * @example
 * roleKey("No_Reply"); // "noreply"
 */
export function roleKey(name: string): string {
  return name.toLowerCase().replace(SEPARATORS, "");
}

/**
 * Whether a local part names a role (a function, team or robot) rather than a person. The
 * comparison ignores case, a `+tag` subaddress, `.`/`-`/`_` separators and a trailing number;
 * a key of three characters or fewer must be written without separators, so `m.d@` stays a
 * person while `md@` is a role.
 *
 * @example
 * isRoleAccount("Info+newsletter"); // true
 * isRoleAccount("no.reply"); // true
 * isRoleAccount("support2"); // true
 * isRoleAccount("jane.doe"); // false
 */
export function isRoleAccount(localPart: string): boolean {
  if (!mayBeRole(localPart)) return false;
  const plus = localPart.indexOf("+");
  const mailbox = (plus === -1 ? localPart : localPart.slice(0, plus)).toLowerCase();
  const key = roleKey(mailbox);
  if (key.length <= MAX_INITIALS_LENGTH && key !== mailbox) return false;
  roleKeys ??= new Set(ROLE_LOCAL_PARTS_TEXT.split("\n"));
  return roleKeys.has(key) || roleKeys.has(key.replace(TRAILING_DIGITS, ""));
}
