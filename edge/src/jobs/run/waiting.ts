/**
 * The addresses of a job's run that went back on the queue to be asked again later (greylisted,
 * a temporary answer, no prober), with when they are due, in the job's `waiting` table: what the
 * status reports as rows waiting for a retry. An answer for an address ends its wait.
 */

/** How many rows wait for a retry, and when the last of those retries is due (ISO 8601), or null. */
export interface Waiting {
  rows: number;
  until: string | null;
}

/**
 * Notes addresses sent back on the queue, each due at its `until` (epoch ms); a later note for the
 * same address replaces the earlier one.
 *
 * @example
 * markWaiting(sql, [{ keys: ["ann@example.net"], until: Date.now() + 60_000 }]);
 */
export function markWaiting(sql: SqlStorage, waiting: { keys: string[]; until: number }[]): void {
  sql.exec(
    `INSERT INTO waiting (key, until) SELECT address.value, retry.value ->> 1
     FROM json_each(?) AS retry, json_each(retry.value -> 0) AS address WHERE true
     ON CONFLICT (key) DO UPDATE SET until = excluded.until`,
    JSON.stringify(waiting.map(({ keys, until }) => [keys, until])),
  );
}

/**
 * The rows still waiting for a retry: those of addresses noted as waiting and not answered since.
 *
 * @example
 * waitingOf(sql); // { rows: 12, until: "2026-12-03T21:40:00.000Z" }
 */
export function waitingOf(sql: SqlStorage): Waiting {
  const { rows, until } = sql
    .exec<{ rows: number; until: number | null }>(
      "SELECT COALESCE(SUM(address.rows), 0) AS rows, MAX(waiting.until) AS until FROM waiting JOIN address USING (key) WHERE address.reason IS NULL",
    )
    .one();
  return { rows, until: until === null ? null : new Date(until).toISOString() };
}
