/**
 * Where a job keeps its files in R2, all under one prefix so that deleting a job is one listing.
 * The upload is the user's file as sent; each run (the first, then each scheduled
 * re-verification) writes its answers file, in row order, and from the second run on the rows
 * whose verdict changed.
 *
 * @example
 * await env.JOBS_BUCKET.get(answersKey(id, 1));
 */
export const jobPrefix = (id: string) => `jobs/${id}/`;
export const answersKey = (id: string, run: number) => `jobs/${id}/answers/${run}`;
export const changesKey = (id: string, run: number) => `jobs/${id}/changes/${run}.json`;
