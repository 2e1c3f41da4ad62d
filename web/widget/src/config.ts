/** What the page asked for, read once from the widget's own `<script>` tag. */
export interface WidgetConfig {
  /** Where /v1/verify lives, without a trailing slash. */
  api: string;
  apiKey: string | undefined;
  /** Verdicts, reasons and flags that refuse the address (see README "Sign-up form widget"). */
  block: Set<string>;
  /** How long a submit waits for an answer before it lets the address through, in ms. */
  budgetMs: number;
  /** "en" or "zh"; undefined follows the page's `<html lang>`, then the browser. */
  lang: string | undefined;
  smtp: boolean;
}

const DEFAULT_BLOCK = "undeliverable disposable";
const DEFAULT_BUDGET_MS = 1500;

/**
 * Reads the configuration from the `data-*` attributes of the script tag that loaded the widget;
 * every attribute is optional. Without `data-api` the API is the script's own origin, so
 * `<script src="https://verify.example.com/widget.js">` needs nothing else.
 *
 * @example
 * // <script src="/widget.js" data-block="undeliverable disposable role" data-budget="2000"></script>
 * readConfig(document.currentScript); // { block: Set {"undeliverable", "disposable", "role"}, budgetMs: 2000, … }
 */
export function readConfig(script: HTMLOrSVGScriptElement | null): WidgetConfig {
  const data = script instanceof HTMLScriptElement ? script.dataset : {};
  const origin = script instanceof HTMLScriptElement && script.src ? new URL(script.src).origin : location.origin;
  const budget = Number(data.budget);
  return {
    api: (data.api ?? origin).replace(/\/+$/, ""),
    apiKey: data.apiKey || undefined,
    block: new Set(
      (data.block ?? DEFAULT_BLOCK)
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
    budgetMs: budget > 0 ? budget : DEFAULT_BUDGET_MS,
    lang: data.lang || undefined,
    smtp: !/^(off|false|0|no)$/i.test(data.smtp ?? ""),
  };
}
