/**
 * The lowest threshold that flags at most `share` of the human-looking samples (flagging means
 * evidence strictly above the threshold). `evidence` holds the scores of the samples that are
 * judged at all; `sampleCount` counts every sample, judged or not.
 *
 * @example
 * thresholdForShare([5, 1, 3, 9, 2], 10, 0.1); // 5: only the 9 lies above it, 1 of 10
 */
export function thresholdForShare(evidence: readonly number[], sampleCount: number, share: number): number {
  const descending = [...evidence].sort((a, b) => b - a);
  const allowed = Math.floor(sampleCount * share);
  if (allowed >= descending.length) return Number.NEGATIVE_INFINITY;
  // Only the samples strictly above the (allowed + 1)-th highest score are flagged: at most
  // `allowed` of them, fewer when scores tie there.
  return descending[allowed]!;
}
