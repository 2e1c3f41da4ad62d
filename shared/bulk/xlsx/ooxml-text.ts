/**
 * OOXML's escape for characters XML cannot hold (ST_Xstring): `_xHHHH_` is the UTF-16 unit HHHH,
 * and a literal "_x" that looks like one is written with its underscore escaped.
 *
 * @example
 * encodeOoxmlText("a\u0001b"); // "a_x0001_b"
 * decodeOoxmlText("a_x0001_b"); // "a\u0001b"
 */
export function encodeOoxmlText(text: string): string {
  return text.replace(
    /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (char) => `_x${char.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`,
  );
}

/** The reverse of encodeOoxmlText. @example decodeOoxmlText("_x005F_x0041_"); // "_x0041_" */
export function decodeOoxmlText(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}
