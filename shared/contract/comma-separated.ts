import { z } from "zod";

/**
 * A comma-separated list as people write one, in a setting or a query: each part trimmed,
 * empty parts dropped. Pipe it into the schema of the items.
 *
 * @example
 * commaSeparated.parse(" deliverable, risky,,"); // ["deliverable", "risky"]
 */
export const commaSeparated = z.string().transform((value) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
);
