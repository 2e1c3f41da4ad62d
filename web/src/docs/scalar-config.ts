import type { createApiReference } from "@scalar/api-reference";
import type { Lang } from "../ui/i18n";

/** What createApiReference takes, named through the package we depend on. */
type Configuration = Extract<Parameters<typeof createApiReference>[1], { url?: string }>;

/**
 * Scalar's configuration for this server's OpenAPI document, `content` (with the examples added
 * by withCodeSamples). Everything Scalar would fetch from elsewhere is off — its web fonts,
 * telemetry, the AI agent, MCP — so the page loads from this server alone, and "Test Request"
 * goes straight to the API (same origin, no proxy). Its own generated examples are hidden: the
 * document's hand-written ones replace them (see samples/index.ts for why).
 *
 * @example
 * createApiReference(element, scalarConfiguration("zh", document));
 */
export function scalarConfiguration(lang: Lang, content: object): Configuration {
  return {
    content,
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    hideDarkModeToggle: true,
    darkMode: matchMedia("(prefers-color-scheme: dark)").matches,
    documentDownloadType: "none",
    hiddenClients: true,
    localization: { locale: lang === "zh" ? "zh-CN" : "en" },
  };
}
