import { VERDICTS, type Verdict } from "../../../shared/contract/taxonomy";
import { useI18n } from "../ui/i18n";
import { VerdictBadge } from "../ui/verdict";

const RADIUS = 15.915494; // circumference 100, so dash lengths are percentages
const STROKE = 7;

/**
 * A job's verdicts as a donut chart, with the same numbers in a table beside it: the table is
 * the text equivalent (and what a screen reader reads), the chart is labelled with a summary.
 *
 * @example
 * <Breakdown counts={{ deliverable: 3, undeliverable: 1, risky: 0, unknown: 1 }} />
 */
export function Breakdown({ counts }: { counts: Record<Verdict, number> }) {
  const { t, format, lang } = useI18n();
  const total = VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);
  const percent = (count: number) => (total ? (count / total) * 100 : 0);
  const shareText = (count: number) => (total ? count / total : 0).toLocaleString(t.locale, { style: "percent", maximumFractionDigits: 1 });
  const summary = VERDICTS.map((verdict) => `${t.verdict[verdict]} ${format(counts[verdict])} (${shareText(counts[verdict])})`).join(
    lang === "zh" ? "，" : ", ",
  );

  let offset = 0;
  const segments = VERDICTS.filter((verdict) => counts[verdict] > 0).map((verdict) => {
    const length = percent(counts[verdict]);
    const segment = { verdict, length, offset };
    offset += length;
    return segment;
  });

  return (
    <section class="breakdown" aria-labelledby="breakdown-heading" data-testid="breakdown">
      <h3 id="breakdown-heading">{t.breakdownHeading}</h3>
      <div class="breakdown-body">
        <svg class="donut" viewBox="0 0 42 42" width="180" height="180" role="img" aria-label={t.chartLabel(summary)} data-testid="chart">
          <circle cx="21" cy="21" r={RADIUS} fill="none" stroke="var(--surface-2)" stroke-width={STROKE} />
          {segments.map(({ verdict, length, offset: start }) => (
            <circle
              class={`donut-segment donut-${verdict}`}
              data-verdict={verdict}
              cx="21"
              cy="21"
              r={RADIUS}
              fill="none"
              stroke-width={STROKE}
              // Start at twelve o'clock and go clockwise.
              stroke-dasharray={`${length} ${100 - length}`}
              stroke-dashoffset={25 - start}
            />
          ))}
          <text x="21" y="20.5" class="donut-total" text-anchor="middle">
            {format(total)}
          </text>
          <text x="21" y="26" class="donut-caption" text-anchor="middle">
            {t.tableRows}
          </text>
        </svg>
        <div class="table-wrap">
          <table class="breakdown-table" data-testid="breakdown-table">
            <caption class="visually-hidden">{t.breakdownHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.tableVerdict}</th>
                <th scope="col" class="num">
                  {t.tableRows}
                </th>
                <th scope="col" class="num">
                  {t.tableShare}
                </th>
              </tr>
            </thead>
            <tbody>
              {VERDICTS.map((verdict) => (
                <tr data-verdict={verdict}>
                  <th scope="row">
                    <span class="verdict-cell">
                      <span class={`swatch donut-${verdict}`} aria-hidden="true" />
                      <VerdictBadge verdict={verdict} />
                    </span>
                  </th>
                  <td class="num" data-count={counts[verdict]}>
                    {format(counts[verdict])}
                  </td>
                  <td class="num">{shareText(counts[verdict])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
