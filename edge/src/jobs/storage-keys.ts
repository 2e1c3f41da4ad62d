/**
 * Where a job keeps its files in R2, all under one prefix so that deleting a job is one listing.
 * The upload is the user's file as sent; each run (the first, then each scheduled
 * re-verification) writes its answers file, in row order.
 *
 * @example
 * await env.JOBS_BUCKET.get(answersKey(id, 1));
 */
export const jobPrefix = (id: string) => `jobs/${id}/`;
export const uploadKey = (id: string) => `${jobPrefix(id)}upload`;
export const answersKey = (id: string, run: number) => `${jobPrefix(id)}answers/${run}`;
