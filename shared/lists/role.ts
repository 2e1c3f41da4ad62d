import { ROLE_LOCAL_PARTS_TEXT } from "./bundled/role-local-parts";

/** `no-reply`, `no_reply`, `no.reply` and `noreply` are one role, however it is separated. */
const SEPARATORS = /[._-]/g;

/** `sales2` and `support01` are numbered instances of a role. */
const TRAILING_DIGITS = /\d+$/;

/** Keys this short are also a person's initials (`m.d`, `a-p`) when written with separators. */
const MAX_INITIALS_LENGTH = 3;

let roleKeys: Set<string> | undefined;

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
  const plus = localPart.indexOf("+");
  const mailbox = (plus === -1 ? localPart : localPart.slice(0, plus)).toLowerCase();
  const key = roleKey(mailbox);
  if (key.length <= MAX_INITIALS_LENGTH && key !== mailbox) return false;
  roleKeys ??= new Set(ROLE_LOCAL_PARTS_TEXT.split("\n"));
  return roleKeys.has(key) || roleKeys.has(key.replace(TRAILING_DIGITS, ""));
}
