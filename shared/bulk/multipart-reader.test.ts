import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispositionName, formBoundary } from "./multipart-headers";
import { MultipartError, readFormParts } from "./multipart-reader";
import { fuzzRuns, fuzzTimeout } from "./testing/fuzz-runs";

const ascii = (text: string) => new TextEncoder().encode(text);
const join = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const contains = (bytes: Uint8Array, needle: Uint8Array) => Buffer.from(bytes).includes(Buffer.from(needle));

interface Field {
  name: string;
  content: Uint8Array;
}

/** A form as a client writes it, with the optional extras RFC 2046 allows around the parts. */
function encodeForm(boundary: string, fields: Field[], extras: { preamble?: string; padding?: string; epilogue?: string } = {}): Uint8Array {
  const pieces: Uint8Array[] = [ascii(extras.preamble === undefined ? "" : `${extras.preamble}\r\n`)];
  for (const { name, content } of fields) {
    pieces.push(
      ascii(
        `--${boundary}${extras.padding ?? ""}\r\nContent-Disposition: form-data; name="${name}"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      ascii("\r\n"),
    );
  }
  pieces.push(ascii(`--${boundary}--${extras.epilogue === undefined ? "" : `\r\n${extras.epilogue}`}`));
  return join(pieces);
}

/** The bytes cut at the given sizes (cycled), as a stream's chunks. */
async function* cut(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let offset = 0, turn = 0; offset < bytes.byteLength; turn++) {
    const size = sizes[turn % sizes.length] ?? bytes.byteLength;
    yield bytes.slice(offset, offset + size);
    offset += size;
  }
}

/** Each part's name and bytes, reading only the first `reads[i]` chunks of part i when given. */
async function readAll(chunks: AsyncIterable<Uint8Array>, boundary: string, reads: (number | null)[] = []): Promise<Field[]> {
  const fields: Field[] = [];
  for await (const part of readFormParts(chunks, boundary)) {
    const limit = reads[fields.length] ?? null;
    const pieces: Uint8Array[] = [];
    for await (const chunk of part.body) {
      if (limit !== null && pieces.length === limit) break;
      pieces.push(chunk.slice());
    }
    fields.push({ name: part.name, content: join(pieces) });
  }
  return fields;
}

// RFC 2046's boundary characters; a space may not end one.
const boundaryArb = fc
  .string({ unit: fc.constantFrom(..."0123456789abcXYZ'()+_,-./:=? "), minLength: 1, maxLength: 70 })
  .filter((boundary) => !boundary.endsWith(" "));

/** File bytes dense in what a reader can trip on: line breaks, dashes and starts of the boundary. */
const contentArb = (boundary: string) =>
  fc
    .array(
      fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom("\r", "\n", "\r\n", "-", "--", "\r\n-", `--${boundary}`, `\r\n--${boundary.slice(0, -1)}`, `\r\n--${boundary}`.slice(0, 3)).map(ascii),
      ),
      { maxLength: 30 },
    )
    .map(join)
    // A client picks a boundary its content never holds; only that is a valid form.
    .filter((content) => !contains(content, ascii(`\r\n--${boundary}`)));

const formArb = boundaryArb.chain((boundary) =>
  fc.record({
    boundary: fc.constant(boundary),
    fields: fc.array(fc.record({ name: fc.string({ unit: fc.constantFrom(..."abcé_ ;"), maxLength: 12 }), content: contentArb(boundary) }), { maxLength: 5 }),
    extras: fc.record(
      {
        preamble: fc.string({ unit: fc.constantFrom(..."ab -\r\n"), maxLength: 40 }),
        padding: fc.constantFrom("", " ", "\t "),
        epilogue: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: [] },
    ),
    sizes: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
  }),
);

describe("readFormParts", () => {
  it(
    "gives back every field byte-exact, whatever the boundary, the content and the chunk splits (fuzz)",
    async () => {
      await fc.assert(
        fc.asyncProperty(formArb, async ({ boundary, fields, extras, sizes }) => {
          fc.pre(extras.preamble === undefined || !contains(ascii(`\r\n${extras.preamble}\r\n`), ascii(`\r\n--${boundary}`)));
          expect(await readAll(cut(encodeForm(boundary, fields, extras), sizes), boundary)).toEqual(fields);
        }),
        { numRuns: fuzzRuns(500) },
      );
    },
    fuzzTimeout(),
  );

  it("skips what a reader leaves of a part and reads the next ones right", async () => {
    await fc.assert(
      fc.asyncProperty(formArb, fc.array(fc.option(fc.integer({ min: 0, max: 3 })), { maxLength: 5 }), async ({ boundary, fields }, reads) => {
        const read = await readAll(cut(encodeForm(boundary, fields), [5]), boundary, reads);
        expect(read.map((field) => field.name)).toEqual(fields.map((field) => field.name));
        read.forEach((field, index) => {
          if ((reads[index] ?? null) === null) expect(field.content).toEqual(fields[index]?.content);
        });
      }),
    );
  });

  it("reads what the platform's FormData writes", async () => {
    // Names and text values without `"`, CR or LF, which FormData escapes or normalizes.
    const textArb = (minLength: number) => fc.string({ unit: fc.constantFrom(..."az09 -_;=é中"), minLength, maxLength: 20 });
    const valueArb = fc.oneof(textArb(0), fc.uint8Array({ maxLength: 300 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(textArb(1), valueArb), { maxLength: 4 }), fc.integer({ min: 1, max: 100 }), async (entries, size) => {
        const form = new FormData();
        for (const [name, value] of entries) {
          if (typeof value === "string") form.append(name, value);
          else form.append(name, new Blob([value]), "list.csv");
        }
        const request = new Request("http://form.test", { method: "POST", body: form });
        const boundary = formBoundary(request.headers.get("Content-Type") ?? "");
        expect(boundary).not.toBeNull();
        const read = await readAll(cut(new Uint8Array(await request.arrayBuffer()), [size]), boundary ?? "");
        expect(read).toEqual(entries.map(([name, value]) => ({ name, content: typeof value === "string" ? ascii(value) : value })));
      }),
    );
  });

  it("throws a MultipartError for a form cut off anywhere before its closing boundary", async () => {
    await fc.assert(
      fc.asyncProperty(formArb, fc.nat(), async ({ boundary, fields, sizes }, at) => {
        const bytes = encodeForm(boundary, fields);
        const truncated = bytes.slice(0, at % bytes.byteLength);
        await expect(readAll(cut(truncated, sizes), boundary)).rejects.toBeInstanceOf(MultipartError);
      }),
    );
  });

  it(
    "ends with parts or a MultipartError, never another error, for any bytes (fuzz)",
    async () => {
      await fc.assert(
        fc.asyncProperty(boundaryArb, fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 30 }), async (boundary, noise, size) => {
          const bytes = join([ascii(`--${boundary}\r\n`), noise]);
          await readAll(cut(bytes, [size]), boundary).catch((error: unknown) => expect(error).toBeInstanceOf(MultipartError));
        }),
        { numRuns: fuzzRuns(100) },
      );
    },
    fuzzTimeout(),
  );

  it.each([
    ["no boundary in the body", "just,a,csv\r\n", /no part with the boundary/],
    ["a preamble over 8 KiB", `${"x".repeat(9000)}\r\n--b\r\n`, /does not start with its boundary/],
    ["headers over 8 KiB", `--b\r\nContent-Disposition: form-data; name="f"\r\nX-Pad: ${"x".repeat(9000)}\r\n\r\nbody\r\n--b--`, /headers are over 8192 bytes/],
    ["a header line without a colon", `--b\r\nContent-Disposition form-data\r\n\r\nbody\r\n--b--`, /not `Name: value`/],
    ["a part without a name", `--b\r\nContent-Disposition: form-data\r\n\r\nbody\r\n--b--`, /no name in its Content-Disposition/],
    ["junk after a boundary", `--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nbody\r\n--bx\r\n\r\n--b--`, /more after the boundary/],
    ["no closing boundary", `--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nbody`, /ends before its closing boundary/],
  ])("says what is wrong with %s", async (_, form, message) => {
    await expect(readAll(cut(ascii(form), [7]), "b")).rejects.toThrow(message);
  });

  it("stops reading the source when the reader stops", async () => {
    let returned = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield ascii('--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n');
        for (;;) yield ascii("ann@example.net\r\n");
      } finally {
        returned = true;
      }
    }
    for await (const part of readFormParts(source(), "b")) {
      expect(part.name).toBe("file");
      break;
    }
    expect(returned).toBe(true);
  });
});

describe("formBoundary and dispositionName", () => {
  it.each([
    ["multipart/form-data; boundary=----WebKitFormBoundaryx7", "----WebKitFormBoundaryx7"],
    ['multipart/form-data; charset=utf-8; BOUNDARY="a b;c"', "a b;c"],
    ["multipart/form-data", null],
    ["multipart/form-data; boundary=", null],
    [`multipart/form-data; boundary=${"x".repeat(71)}`, null],
  ])("%s → %s", (contentType, boundary) => {
    expect(formBoundary(contentType)).toBe(boundary);
  });

  it.each([
    [' form-data; name="file"; filename="list.csv"', "file"],
    [' form-data; filename="name=x.csv"; NAME=webhook_url', "webhook_url"],
    [' form-data; name="a;\\"b\\""', 'a;"b"'],
    [' form-data; filename="x.csv"', null],
  ])("%s → %s", (value, name) => {
    expect(dispositionName(value)).toBe(name);
  });
});
