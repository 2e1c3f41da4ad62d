/**
 * KV keys an operator writes to replace the edge's bundled lists without a redeploy
 * (`npm run lists:put`). Each holds a list's text form: one domain per line, `#` comments.
 */
export const LIST_OVERRIDE_KEYS = {
  /** Replaces the bundled disposable blocklist. */
  disposable: "lists/disposable",
  /** Domains never to call disposable, on top of the built-in guard for popular providers. */
  disposableAllow: "lists/disposable-allow",
} as const;
