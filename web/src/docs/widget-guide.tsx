import type { Lang } from "../ui/i18n";
import { DOCS_MESSAGES } from "./messages";

/**
 * How to add the sign-up form widget to a page: the one script tag, for this server, and its
 * settings. Folded by default, so the API reference stays near the top.
 *
 * @example
 * <WidgetGuide lang="en" />
 */
export function WidgetGuide({ lang }: { lang: Lang }) {
  const words = DOCS_MESSAGES[lang];
  const tag = `<script src="${location.origin}/widget.js" data-block="undeliverable disposable" data-budget="1500"></script>`;
  return (
    <details class="widget-guide">
      <summary>{words.widgetTitle}</summary>
      <p>{words.widgetLead}</p>
      <pre>
        <code>{tag}</code>
      </pre>
      <p>{words.widgetAttributes}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              {words.attributeHead.map((head) => (
                <th scope="col">{head}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {words.attributes.map((row) => (
              <tr>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td>{row.fallback}</td>
                <td>{row.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{words.widgetNotes}</p>
      <p>
        <a href="/demo/">{words.widgetDemo}</a>
      </p>
    </details>
  );
}
