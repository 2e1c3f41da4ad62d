import { useI18n } from "../ui/i18n";
import { Layout, mountPage } from "../ui/layout";
import { ApiReference } from "./api-reference";
import { DOCS_MESSAGES } from "./messages";
import { WidgetGuide } from "./widget-guide";
import "./docs.css";

/** The API docs page: a short guide (keys, the widget), then Scalar's reference of /openapi.json. */
function DocsPage() {
  const { lang } = useI18n();
  const words = DOCS_MESSAGES[lang];
  return (
    <Layout page="docs" title={() => words.title}>
      <section class="docs-intro">
        <h1>{words.title}</h1>
        <p>
          {words.lead} <a href="/openapi.json">{words.spec}</a>
        </p>
        <p>{words.keys}</p>
        <WidgetGuide lang={lang} />
      </section>
      <ApiReference lang={lang} unavailable={words.unavailable} />
    </Layout>
  );
}

mountPage(<DocsPage />);
