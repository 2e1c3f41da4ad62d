import { useEffect, useRef, useState } from "preact/hooks";
import { apiKey, fetchResults, type JobStatus, type ResultsFormat, resultsUrl } from "../api/client";
import { ApiKeyForm } from "../ui/api-key";
import { describeError, needsApiKey } from "../ui/errors";
import { useI18n } from "../ui/i18n";
import { Breakdown } from "./breakdown";
import { resultsFileName, saveBlob } from "./download";
import type { RecentJob } from "./recent-jobs";
import { useJobStatus } from "./use-job-status";

const DOWNLOADS: { which: "deliverable" | "all"; format: Exclude<ResultsFormat, "json"> }[] = [
  { which: "deliverable", format: "csv" },
  { which: "deliverable", format: "xlsx" },
  { which: "all", format: "csv" },
  { which: "all", format: "xlsx" },
];

/**
 * One download: a plain link to the results (the browser streams it to disk), or, when an API
 * key must be sent or the job had failures, a fetch whose errors are shown instead of saved.
 */
function DownloadLink({
  job,
  which,
  format,
  viaFetch,
  onError,
}: {
  job: RecentJob;
  which: "deliverable" | "all";
  format: "csv" | "xlsx";
  viaFetch: boolean;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const verdicts = which === "deliverable" ? (["deliverable"] as const) : undefined;
  const fileName = resultsFileName(job.name, which, format);
  const [busy, setBusy] = useState(false);
  return (
    <a
      class="button download"
      href={resultsUrl(job.id, format, verdicts)}
      download={fileName}
      data-download={`${which}-${format}`}
      aria-label={t.downloadAs(format.toUpperCase(), which === "deliverable" ? t.downloadDeliverable : t.downloadAll)}
      aria-busy={busy || undefined}
      onClick={async (event) => {
        if (!viaFetch) return;
        event.preventDefault();
        setBusy(true);
        try {
          saveBlob(await fetchResults(job.id, format, verdicts), fileName);
        } catch (error) {
          onError(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
        <path d="M10 3v9m0 0l-4-4m4 4l4-4M4 15h12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      {format.toUpperCase()}
    </a>
  );
}

/**
 * A job being followed: its heading, the progress bar while it runs, then the verdict
 * breakdown and the four downloads; "expired" when the service no longer knows it.
 *
 * @example
 * <JobPanel job={recent} onStatus={update} onExpired={markExpired} announce={say} />
 */
export function JobPanel({
  job,
  focusOnOpen,
  justUploaded,
  onStatus,
  onExpired,
  announce,
}: {
  job: RecentJob;
  /** Opened from the recent list: focus moves to its heading. */
  focusOnOpen: boolean;
  /** Started from this page just now: its end is announced, even if the first poll finds it done. */
  justUploaded: boolean;
  onStatus: (status: JobStatus) => void;
  onExpired: () => void;
  announce: (text: string) => void;
}) {
  const { t, format } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const watch = useJobStatus(
    job.id,
    (status) => {
      onStatus(status);
    },
    onExpired,
  );
  const status = watch.status;
  const done = status?.status === "done" || status?.status === "failed";
  const wasDone = useRef<boolean | null>(null);

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
    setDownloadError(null);
    wasDone.current = justUploaded ? false : null;
  }, [job.id]);

  useEffect(() => {
    if (!status) return;
    // Announce the end only when it happened while watching, not when reopening a done job.
    if (wasDone.current === false && done) announce(t.jobDone(job.name));
    wasDone.current = done;
  }, [status?.status]);

  const total = status?.total ?? job.total;
  const processed = status?.processed ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : done ? 100 : 0;
  const statusName = watch.expired ? "expired" : (status?.status ?? job.status);

  return (
    <section class="card job" aria-labelledby="job-heading" data-testid="job" data-job-id={job.id} data-status={statusName}>
      <div class="job-head">
        <h2 id="job-heading" ref={heading} tabIndex={-1}>
          {t.jobHeading(job.name)}
        </h2>
        <span class={`job-status status-${statusName}`} data-testid="job-status">
          {t.status[statusName]}
        </span>
      </div>
      <p class="job-total" data-testid="job-total">
        {t.jobTotal(format(total))}
      </p>

      {watch.expired ? (
        <p class="notice" data-testid="expired">
          {t.jobExpired}
        </p>
      ) : (
        <>
          {!done && (
            <div class="progress-block">
              <span id="progress-label" class="progress-label">
                {t.progressLabel}
              </span>
              <div
                class="progress"
                role="progressbar"
                aria-labelledby="progress-label"
                aria-describedby="progress-text"
                aria-valuemin={0}
                aria-valuemax={Math.max(total, 1)}
                aria-valuenow={processed}
                aria-valuetext={t.progressText(format(processed), format(total))}
                data-testid="progress"
              >
                <div class="progress-fill" style={{ width: `${percent}%` }} />
              </div>
              <p id="progress-text" class="progress-text">
                {status ? `${t.progressText(format(processed), format(total))} (${percent}%)` : t.progressWaiting}
              </p>
            </div>
          )}
          {watch.error !== null &&
            (needsApiKey(watch.error) ? (
              <ApiKeyForm rejected={apiKey() !== null} onSaved={watch.retry} />
            ) : (
              <p class="alert" role="alert">
                {t.connectionLost} {describeError(watch.error, t)}
              </p>
            ))}
          {done && status && (
            <>
              {status.status === "failed" && <p class="notice">{t.jobFailedNote}</p>}
              <Breakdown counts={status.counts} />
              <section class="downloads" aria-labelledby="downloads-heading">
                <h3 id="downloads-heading">{t.downloadsHeading}</h3>
                <p class="hint">{t.downloadsHint}</p>
                <div class="download-groups">
                  {(["deliverable", "all"] as const).map((which) => (
                    <div class="download-group" role="group" aria-labelledby={`download-${which}`}>
                      <span id={`download-${which}`} class="download-group-label">
                        {which === "deliverable" ? t.downloadDeliverable : t.downloadAll}
                      </span>
                      <div class="download-buttons">
                        {DOWNLOADS.filter((item) => item.which === which).map((item) => (
                          <DownloadLink
                            job={job}
                            which={item.which}
                            format={item.format}
                            viaFetch={apiKey() !== null || status.status === "failed"}
                            onError={setDownloadError}
                          />
                        ))}
                      </div>
                    </div>
                  ))}
                </div>
                {downloadError !== null &&
                  (needsApiKey(downloadError) ? (
                    <ApiKeyForm rejected={apiKey() !== null} onSaved={() => setDownloadError(null)} />
                  ) : (
                    <p class="alert" role="alert">
                      {t.downloadFailed(describeError(downloadError, t))}
                    </p>
                  ))}
              </section>
            </>
          )}
        </>
      )}
    </section>
  );
}
