/**
 * Reads a stream of byte chunks up to marker sequences (a multipart boundary, a line end) without
 * holding more than the chunk at hand and a few bytes of a marker that may go on in the next one.
 *
 * @example
 * const scanner = new ByteScanner(chunks);
 * for await (const bytes of scanner.until(new TextEncoder().encode("\r\n--xyz"), 1 << 20)) await write(bytes);
 */
export class ByteScanner {
  #pending: Uint8Array;
  readonly #source: AsyncIterator<Uint8Array>;

  /** `start` is read as if the stream began with it. */
  constructor(source: AsyncIterable<Uint8Array>, start: Uint8Array = new Uint8Array(0)) {
    this.#source = source[Symbol.asyncIterator]();
    this.#pending = start;
  }

  /**
   * The bytes before the next `marker`, yielded as they arrive, with the marker consumed. Throws
   * a ScanError once more than `maxBytes` came before it or when the stream ends without it.
   */
  async *until(marker: Uint8Array, maxBytes: number): AsyncGenerator<Uint8Array> {
    let seen = 0;
    for (;;) {
      const found = indexOfBytes(this.#pending, marker);
      // Without the marker, everything but a tail that may be its start can go.
      const end = found === -1 ? this.#pending.byteLength - partialTail(this.#pending, marker) : found;
      seen += end;
      if (seen > maxBytes) throw new ScanError("too_long");
      if (end > 0) yield this.#pending.subarray(0, end);
      if (found !== -1) {
        this.#pending = this.#pending.subarray(found + marker.byteLength);
        return;
      }
      this.#pending = this.#pending.subarray(end);
      if (!(await this.#more())) throw new ScanError("ended");
    }
  }

  /** Whether the next bytes are `prefix` (consumed when they are); false also at the stream's end. */
  async skip(prefix: Uint8Array): Promise<boolean> {
    while (this.#pending.byteLength < prefix.byteLength) if (!(await this.#more())) return false;
    if (!matchesAt(this.#pending, prefix, 0)) return false;
    this.#pending = this.#pending.subarray(prefix.byteLength);
    return true;
  }

  /** Stops reading the source (cancelling a request body behind it). */
  async close(): Promise<void> {
    await this.#source.return?.();
  }

  async #more(): Promise<boolean> {
    const next = await this.#source.next();
    if (next.done) return false;
    this.#pending = this.#pending.byteLength === 0 ? next.value : concat(this.#pending, next.value);
    return true;
  }
}

/** Why ByteScanner.until stopped: over its byte limit, or the stream ended first. */
export class ScanError extends Error {
  override readonly name = "ScanError";

  constructor(readonly reason: "too_long" | "ended") {
    super(reason === "too_long" ? "too many bytes before the marker" : "the stream ended before the marker");
  }
}

/** Where `needle` first occurs in `haystack`, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0] ?? 0;
  // The native indexOf finds candidates for the first byte; only those are compared in full.
  for (let at = haystack.indexOf(first); at !== -1; at = haystack.indexOf(first, at + 1)) {
    if (at + needle.byteLength > haystack.byteLength) return -1;
    if (matchesAt(haystack, needle, at)) return at;
  }
  return -1;
}

/** The length of the longest end of `bytes` that is a start of `marker` (shorter than all of it). */
function partialTail(bytes: Uint8Array, marker: Uint8Array): number {
  for (let length = Math.min(bytes.byteLength, marker.byteLength - 1); length > 0; length--) {
    if (matchesAt(bytes, marker.subarray(0, length), bytes.byteLength - length)) return length;
  }
  return 0;
}

/** Whether `bytes` holds `part` from `at` on. */
function matchesAt(bytes: Uint8Array, part: Uint8Array, at: number): boolean {
  if (at + part.byteLength > bytes.byteLength) return false;
  for (let index = 0; index < part.byteLength; index++) if (bytes[at + index] !== part[index]) return false;
  return true;
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const joined = new Uint8Array(head.byteLength + tail.byteLength);
  joined.set(head);
  joined.set(tail, head.byteLength);
  return joined;
}
