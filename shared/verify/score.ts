import type { Reason } from "../contract/taxonomy";

/**
 * How likely mail to the address is to arrive and be read, from 0 to 100. The reason sets the
 * base; the flags then take points off, because each is a known predictor of bounces or of
 * mail nobody reads. The same facts always give the same score.
 *
 * | reason                                   | base |
 * |------------------------------------------|------|
 * | accepted                                 | 95   |
 * | catch_all                                | 55   |
 * | smtp_skipped                             | 60   |
 * | greylisted, deferred                     | 50   |
 * | blocked, timeout, no_connect, unsupported| 45   |
 * | dns_error, error                         | 40   |
 * | mailbox_full                             | 25   |
 * | disposable                               | 15   |
 * | every undeliverable reason               | 0    |
 *
 * Flags: role −10 (shared inboxes, often filtered), gibberish −15 (throw-away sign-ups), a typo
 * suggestion −30 (the user most likely meant another domain). The free flag costs nothing: a
 * free mailbox is as real as a company one. The result is clamped to 0–100.
 */
const BASE_SCORE: Record<Reason, number> = {
  accepted: 95,
  catch_all: 55,
  smtp_skipped: 60,
  greylisted: 50,
  deferred: 50,
  blocked: 45,
  timeout: 45,
  no_connect: 45,
  unsupported: 45,
  dns_error: 40,
  error: 40,
  mailbox_full: 25,
  disposable: 15,
  invalid_syntax: 0,
  invalid_domain: 0,
  no_mail_server: 0,
  mailbox_not_found: 0,
  mailbox_disabled: 0,
  bounced: 0,
  complained: 0,
};

export interface ScoreInputs {
  reason: Reason;
  flags: { role: boolean; gibberish: boolean };
  hasSuggestion: boolean;
}

/**
 * @example
 * score({ reason: "accepted", flags: { role: true, gibberish: false }, hasSuggestion: false }); // 85
 */
export function score({ reason, flags, hasSuggestion }: ScoreInputs): number {
  const base = BASE_SCORE[reason];
  if (base === 0) return 0;
  const penalty = (flags.role ? 10 : 0) + (flags.gibberish ? 15 : 0) + (hasSuggestion ? 30 : 0);
  return Math.max(0, Math.min(100, base - penalty));
}
