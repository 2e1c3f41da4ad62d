import type { VerifyResult } from "../../../shared/contract/schemas";
import type { WidgetConfig } from "./config";

/** The part of the contract's result the widget reads. */
export type Answer = Pick<VerifyResult, "verdict" | "reason" | "flags" | "suggestion" | "domain">;

/** Answers already given, per address as typed: leaving a field and coming back asks nothing. */
const answers = new Map<string, Answer>();

/**
 * Asks the API about `email`, within the time budget. Resolves to undefined, never rejects, for
 * everything that is not an answer — the budget passed, the network is down, a 4xx or 5xx, a
 * body that is not a result — so that none of them can block a sign-up. The budget aborts
 * through `controller`, which the caller also aborts when the field changes. Only answers are
 * remembered.
 *
 * @example
 * const answer = await lookup("someone@gmial.com", config, new AbortController());
 * answer?.suggestion; // "someone@gmail.com"
 */
export async function lookup(email: string, config: WidgetConfig, controller: AbortController): Promise<Answer | undefined> {
  const known = answers.get(email);
  if (known) return known;
  const timeoutMs = Math.min(30_000, Math.max(1000, config.budgetMs));
  const url = `${config.api}/v1/verify?email=${encodeURIComponent(email)}&timeout_ms=${timeoutMs}${config.smtp ? "" : "&smtp=false"}`;
  const timer = setTimeout(() => controller.abort(), config.budgetMs);
  try {
    const response = await fetch(url, {
      headers: config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : {},
      signal: controller.signal,
    });
    if (!response.ok) return undefined;
    const answer = (await response.json()) as Answer;
    if (typeof answer?.verdict !== "string" || typeof answer.flags !== "object") return undefined;
    answers.set(email, answer);
    return answer;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
