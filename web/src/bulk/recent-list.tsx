import type { Ref } from "preact";
import { useI18n } from "../ui/i18n";
import type { RecentJob } from "./recent-jobs";

/**
 * The lists started in this browser, newest first: each opens again (its progress, verdicts
 * and downloads) or comes off the list.
 *
 * @example
 * <RecentJobs jobs={recent} currentId={id} headingRef={ref} onOpen={open} onRemove={remove} />
 */
export function RecentJobs({
  jobs,
  currentId,
  headingRef,
  onOpen,
  onRemove,
}: {
  jobs: RecentJob[];
  currentId: string | null;
  headingRef: Ref<HTMLHeadingElement>;
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  const { t, format } = useI18n();
  const dates = new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section class="card recent" aria-labelledby="recent-heading" data-testid="recent">
      <h2 id="recent-heading" ref={headingRef} tabIndex={-1}>
        {t.recentHeading}
      </h2>
      <p class="hint">{t.recentHint}</p>
      {jobs.length === 0 ? (
        <p class="recent-empty">{t.recentEmpty}</p>
      ) : (
        <ul class="recent-list">
          {jobs.map((job) => {
            const date = job.createdAt ? dates.format(new Date(job.createdAt)) : t.notGiven;
            return (
              <li class={`recent-item${job.id === currentId ? " current" : ""}`} data-job-id={job.id} data-status={job.status}>
                <button
                  type="button"
                  class="link-button recent-open"
                  onClick={() => onOpen(job.id)}
                  aria-current={job.id === currentId ? "true" : undefined}
                  aria-label={t.recentOpen(job.name)}
                >
                  {job.name}
                </button>
                <dl class="recent-meta">
                  <div>
                    <dt>{t.recentDate}</dt>
                    <dd>
                      <time dateTime={job.createdAt}>{date}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t.recentTotal}</dt>
                    <dd>{format(job.total)}</dd>
                  </div>
                  <div>
                    <dt>{t.recentStatus}</dt>
                    <dd class={`job-status status-${job.status}`}>{t.status[job.status]}</dd>
                  </div>
                </dl>
                <button type="button" class="button secondary recent-remove" onClick={() => onRemove(job.id)} aria-label={t.recentRemoveLabel(job.name)}>
                  {t.recentRemove}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
