/**
 * The boundary a `multipart/form-data` Content-Type names (1 to 70 printable ASCII characters, as
 * RFC 2046 allows), or null when it names none.
 *
 * @example
 * formBoundary("multipart/form-data; boundary=----WebKitFormBoundaryx7"); // "----WebKitFormBoundaryx7"
 */
export function formBoundary(contentType: string): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([\x20-\x21\x23-\x7e]{1,70})"|([\x21\x23-\x3a\x3c-\x7e]{1,70}))\s*(?:;|$)/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * The `name` parameter of a part's Content-Disposition header value, or null without one. A
 * quoted name may hold `;` and backslash-escaped quotes.
 *
 * @example
 * dispositionName(' form-data; name="file"; filename="list.csv"'); // "file"
 */
export function dispositionName(value: string): string | null {
  const parameter = /;\s*([!#$%&'*+.^_`|~0-9a-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/gi;
  for (const [, key, quoted, token] of value.matchAll(parameter)) {
    if (key?.toLowerCase() === "name") return quoted === undefined ? (token ?? "") : quoted.replace(/\\(.)/g, "$1");
  }
  return null;
}
