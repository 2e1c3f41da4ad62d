import type { ComponentChild, ComponentChildren } from "preact";
import { render } from "preact";
import { useEffect } from "preact/hooks";
import { LANGS, MESSAGES, setLang, useI18n, type Messages } from "./i18n";
import "./theme.css";

/** The pages of the navigation. */
type NavPage = "check" | "bulk" | "docs" | "demo" | "reputation";
/** The pages of the web app: those of the navigation, and the operators' probers page. */
export type PageName = NavPage | "probers";

const NAV: { page: NavPage; href: string }[] = [
  { page: "check", href: "/" },
  { page: "bulk", href: "/bulk/" },
  { page: "docs", href: "/docs/" },
  { page: "demo", href: "/demo/" },
  { page: "reputation", href: "/reputation/" },
];

/** The language switch: one button per language, the current one pressed. */
function LanguageSwitch() {
  const { lang, t } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t.languageLabel}>
      {LANGS.map((code) => (
        <button type="button" lang={MESSAGES[code].htmlLang} aria-pressed={code === lang} onClick={() => setLang(code)} data-lang={code}>
          {code === "en" ? "EN" : "中文"}
        </button>
      ))}
    </div>
  );
}

/**
 * The frame of every page: a skip link, the header with the navigation and the language
 * switch, the page's own content in <main>, and the footer. `title` gives the document title
 * in the current language.
 *
 * @example
 * <Layout page="check" title={(t) => t.checkTitle}>…</Layout>
 */
export function Layout({ page, title, children }: { page: PageName; title: (t: Messages) => string; children: ComponentChildren }) {
  const { t } = useI18n();
  const pageTitle = title(t);
  useEffect(() => {
    document.title = `${pageTitle} · Mailvet`;
  }, [pageTitle]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="container header-row">
          <a class="brand" href="/" aria-label="Mailvet">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26">
              <rect x="2" y="5" width="20" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
              <path d="M3 7l9 6 9-6" fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
            <span>Mailvet</span>
          </a>
          <nav aria-label={t.navLabel}>
            <ul class="nav-list">
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={item.page === page ? "page" : undefined}>
                    {t.nav[item.page]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} class="container">
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{t.footer}</p>
        </div>
      </footer>
    </>
  );
}

/**
 * Renders a page's root component into #app.
 *
 * @example
 * mountPage(<CheckPage />);
 */
export function mountPage(node: ComponentChild): void {
  render(node, document.getElementById("app")!);
}
