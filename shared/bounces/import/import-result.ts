import type { Bounce } from "../bounce";

/** What an imported file gave: its bounces, and what was skipped and why (item: the 1-based row or message). */
export interface ImportResult {
  bounces: Bounce[];
  skipped: { item: number; reason: string }[];
}
