/**
 * Thrown only inside the parser when a message is cut short or inconsistent; `parseMessage`
 * catches it and returns it as an outcome, so it never leaves this module family.
 */
export class MalformedMessage extends Error {
  override readonly name = "MalformedMessage";
}

/**
 * A bounds-checked cursor over a DNS message. Every read past the end throws MalformedMessage,
 * which is what makes truncated packets safe to parse.
 *
 * @example
 * const reader = new WireReader(new Uint8Array([0x01, 0x02]));
 * reader.u16(); // 258
 */
export class WireReader {
  constructor(
    readonly bytes: Uint8Array,
    public offset = 0,
  ) {}

  u8(): number {
    this.#need(1);
    return this.bytes[this.offset++]!;
  }

  u16(): number {
    this.#need(2);
    const value = (this.bytes[this.offset]! << 8) | this.bytes[this.offset + 1]!;
    this.offset += 2;
    return value;
  }

  u32(): number {
    return this.u16() * 0x10000 + this.u16();
  }

  take(length: number): Uint8Array {
    this.#need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  #need(length: number): void {
    if (this.offset + length > this.bytes.length) throw new MalformedMessage("message is truncated");
  }
}
