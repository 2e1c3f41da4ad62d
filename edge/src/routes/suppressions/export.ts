import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { csvLine } from "../../../../shared/bulk/write-results";
import { toStream } from "../../../../shared/bulk/byte-source";
import { ExportQuerySchema, SUPPRESSION_ERRORS } from "../../../../shared/contract/suppressions";
import { type AppEnv, edgeSettings } from "../../env";
import { listSuppressions, type Suppression } from "../../suppressions/store";
import { listOwner } from "./list-owner";

const COLUMNS = [
  "address",
  "kind",
  "reason",
  "status",
  "diagnostic",
  "source",
  "first_seen",
  "last_seen",
  "count",
] as const satisfies readonly (keyof Suppression)[];
const PAGE = 1000;

const route = createRoute({
  method: "get",
  path: "/v1/suppressions.csv",
  summary: "Export the suppression list as CSV",
  description: `UTF-8 with a byte-order mark, CRLF, one row per entry in force, columns ${COLUMNS.join(", ")}; a cell a spreadsheet would run as a formula gets a \`'\` in front, as job results do.`,
  request: { query: ExportQuerySchema },
  responses: { 200: { description: "The list.", content: { "text/csv": { schema: z.string() } } }, ...SUPPRESSION_ERRORS },
});

/** `GET /v1/suppressions.csv`: the whole list, streamed a page at a time. */
export const suppressionExport = new OpenAPIHono<AppEnv>().openapi(route, (c) => {
  const { owner: requested, kind } = c.req.valid("query");
  const owner = listOwner(c, requested);
  const { softBounceDays } = edgeSettings(c.env);
  const db = c.env.JOBS_DB;
  async function* lines(): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    yield encoder.encode(`\ufeff${csvLine([...COLUMNS])}`);
    const now = new Date();
    let after: string | undefined;
    do {
      const page = await listSuppressions(db, owner, { kind, after, limit: PAGE }, now, softBounceDays);
      yield encoder.encode(page.entries.map((entry) => csvLine(COLUMNS.map((column) => String(entry[column] ?? "")))).join(""));
      after = page.next ?? undefined;
    } while (after !== undefined);
  }
  return new Response(toStream(lines()), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="suppressions.csv"' },
  });
});
