import type { Verdict } from "../../../shared/contract/taxonomy";
import { useI18n } from "./i18n";

/** A symbol per verdict, so a verdict never relies on colour alone. */
export const VERDICT_SYMBOL: Record<Verdict, string> = {
  deliverable: "✓",
  undeliverable: "✕",
  risky: "!",
  unknown: "?",
};

/**
 * A verdict as a badge: a symbol and the word, in the verdict's colour.
 *
 * @example
 * <VerdictBadge verdict="deliverable" />
 */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useI18n();
  return (
    <span class={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span class="verdict-icon" aria-hidden="true">
        {VERDICT_SYMBOL[verdict]}
      </span>
      {t.verdict[verdict]}
    </span>
  );
}
