import iconv from "iconv-lite";

/**
 * Test helpers for the bulk formats: bytes in the encodings spreadsheet programs write (iconv-lite,
 * since TextEncoder only writes UTF-8), fed in chunks of a chosen size.
 *
 * @example
 * const bytes = encodeAs("邮箱\nann@example.net\n", "gbk");
 */
export function encodeAs(
  text: string,
  encoding: "utf-8" | "utf-8-bom" | "utf-16le-bom" | "utf-16be-bom" | "gbk" | "big5" | "shift_jis" | "windows-1252",
): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "utf-8-bom") return new TextEncoder().encode(`\uFEFF${text}`);
  if (encoding === "utf-16le-bom") return new Uint8Array(iconv.encode(`\uFEFF${text}`, "utf-16le"));
  if (encoding === "utf-16be-bom") return new Uint8Array(iconv.encode(`\uFEFF${text}`, "utf-16be"));
  return new Uint8Array(iconv.encode(text, encoding));
}

/**
 * The bytes as an async iterable of chunks of `size` bytes (the last may be shorter).
 *
 * @example
 * for await (const text of decodeText(inChunks(bytes, 7))) out += text;
 */
export async function* inChunks<T extends Uint8Array | string>(data: T, size: number): AsyncGenerator<T> {
  for (let offset = 0; offset < data.length; offset += size) yield data.slice(offset, offset + size) as T;
}

/**
 * Everything an async iterable yields, in order.
 *
 * @example
 * const rows = await collect(csvRows(inChunks(csv, 5)));
 */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
