/**
 * Why an upload cannot be read, as a short machine code. `too_large` and `too_many_rows` are the
 * API's 413; every other code is a 400.
 */
export type BulkInputErrorCode = "too_large" | "too_many_rows" | "empty" | "no_rows" | "binary" | "bad_xlsx" | "no_email_column" | "row_too_large";

/**
 * The one error the bulk input and output formats throw: a code for the API and a message a
 * person can act on. It never quotes an address from the file.
 *
 * @example
 * try { await readTable(upload, options); }
 * catch (error) { if (error instanceof BulkInputError) return c.json({ error: { code: error.code, message: error.message } }, error.httpStatus); }
 */
export class BulkInputError extends Error {
  override readonly name = "BulkInputError";

  constructor(
    readonly code: BulkInputErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The HTTP status the API answers with: 413 for the size limits, 400 for the rest. */
  get httpStatus(): 400 | 413 {
    return this.code === "too_large" || this.code === "too_many_rows" ? 413 : 400;
  }
}
