import type { ProbersResponse } from "../api/client";
import { useI18n } from "../ui/i18n";

/**
 * The probers as a table: one row each, health in words (with why when degraded), the last
 * report's time and status, and the statuses of the recent reports, oldest first.
 *
 * @example
 * <ProberTable answer={await proberStatuses()} />
 */
export function ProberTable({ answer }: { answer: ProbersResponse }) {
  const { t, format } = useI18n();
  const dates = new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "short" });
  if (answer.probers.length === 0) return <p class="hint">{t.probersNone}</p>;
  return (
    <div class="card probers-card">
      <table class="probers" data-testid="probers">
        <caption class="hint">{t.probersCaption(Math.round(answer.block_window_seconds / 60), answer.block_domains_threshold)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.proberId}</th>
            <th scope="col">{t.proberRegion}</th>
            <th scope="col">{t.proberHealth}</th>
            <th scope="col">{t.proberBlockDomains}</th>
            <th scope="col">{t.proberLastReport}</th>
            <th scope="col">{t.proberTrend}</th>
          </tr>
        </thead>
        <tbody>
          {answer.probers.map((prober) => (
            <tr data-prober={prober.id} data-health={prober.health}>
              <th scope="row" class="mono">
                {prober.id}
              </th>
              <td>{prober.region}</td>
              <td>
                <span class={`health health-${prober.health}`}>{t.health[prober.health]}</span>
                {prober.findings.length > 0 && (
                  <ul class="findings">
                    {prober.findings.map((finding) => (
                      <li>{t.finding[finding.code]}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{format(prober.block_domains)}</td>
              <td>
                {prober.last_report ? (
                  <>
                    <time dateTime={prober.last_report.at}>{dates.format(new Date(prober.last_report.at))}</time>{" "}
                    <span class={`report report-${prober.last_report.status}`}>{t.reportStatus[prober.last_report.status]}</span>
                  </>
                ) : (
                  t.proberNoReport
                )}
              </td>
              <td>
                <ol class="trend" aria-label={t.proberTrend}>
                  {prober.trend.map((status) => (
                    <li class={`report report-${status}`} title={t.reportStatus[status]}>
                      <span class="visually-hidden">{t.reportStatus[status]}</span>
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
