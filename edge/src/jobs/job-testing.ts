import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { jobCoordinator } from "./coordinator-stub";
import { recordJobOwner } from "./jobs-db";
import { planJob } from "./upload/plan";

/**
 * Test helper: a job with its upload in R2, its addresses in and its row opened, but nothing
 * queued, as if every message had been lost: tests drive it by hand. Returns its id.
 *
 * @example
 * const id = await quietJob(["ann@example.org"]);
 */
export async function quietJob(emails: string[]): Promise<string> {
  const id = crypto.randomUUID();
  const job = jobCoordinator(env, id);
  await env.JOBS_BUCKET.put(`jobs/${id}/upload`, ["email", ...emails].join("\r\n"));
  async function* rows() {
    for (const [row, email] of emails.entries()) yield { row, cells: [email], email };
  }
  await planJob(rows(), (batch) => job.add(batch, Date.now() + 86_400_000));
  await runInDurableObject(job, (_, state) => {
    const distinct = state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM address").one().n;
    state.storage.sql.exec(
      "INSERT INTO job (id, job_id, total, distinct_addresses, upload_key, origin, expires_at, progress_at) VALUES (1, ?, ?, ?, ?, 'http://edge', ?, ?)",
      id,
      emails.length,
      distinct,
      `jobs/${id}/upload`,
      Date.now() + 86_400_000,
      Date.now(),
    );
  });
  // The test suites run the API open: their jobs belong to "open".
  await recordJobOwner(env, id, "open");
  return id;
}
