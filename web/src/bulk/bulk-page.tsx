import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ErrorAnswer, apiKey, createJob, type JobStatus } from "../api/client";
import { ApiKeyForm, SavedApiKey } from "../ui/api-key";
import { describeError, needsApiKey } from "../ui/errors";
import { useI18n } from "../ui/i18n";
import { Layout } from "../ui/layout";
import { DropZone } from "./drop-zone";
import { JobPanel } from "./job-panel";
import { loadRecentJobs, type RecentJob, saveRecentJobs, upsertRecentJob } from "./recent-jobs";
import { RecentJobs } from "./recent-list";

type Upload = { kind: "idle" } | { kind: "uploading"; name: string } | { kind: "error"; error: unknown; file: File } | { kind: "too-many" };

function jobFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get("job");
}

function setJobInUrl(id: string | null): void {
  const url = id ? `${window.location.pathname}?job=${encodeURIComponent(id)}` : window.location.pathname;
  if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
}

/**
 * The bulk page: upload a CSV or XLSX list (drop or pick), follow the job to the end, see the
 * verdicts and download the results; the lists started in this browser stay listed to reopen.
 * The job followed is in the URL (`/bulk/?job=<id>`).
 */
export function BulkPage() {
  const { t, format } = useI18n();
  const [recent, setRecent] = useState<RecentJob[]>(loadRecentJobs);
  const [currentId, setCurrentId] = useState<string | null>(jobFromUrl);
  const [opened, setOpened] = useState<"upload" | "list" | "url">("url");
  const [upload, setUpload] = useState<Upload>({ kind: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const recentHeading = useRef<HTMLHeadingElement>(null);

  const update = useCallback((change: Partial<RecentJob> & { id: string }) => {
    setRecent((jobs) => saveRecentJobs(upsertRecentJob(jobs, change)));
  }, []);

  // Another tab may start or remove jobs.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === "mailvet.recentJobs") setRecent(loadRecentJobs());
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const open = (id: string | null, how: "upload" | "list") => {
    setCurrentId(id);
    setOpened(how);
    setJobInUrl(id);
  };

  const start = async (file: File) => {
    setUpload({ kind: "uploading", name: file.name });
    setAnnouncement(t.uploading(file.name));
    try {
      const created = await createJob(file);
      update({ id: created.id, name: file.name, total: created.total, status: "queued", createdAt: new Date().toISOString() });
      setUpload({ kind: "idle" });
      setAnnouncement(t.jobStarted(file.name, format(created.total)));
      open(created.id, "upload");
    } catch (error) {
      setUpload({ kind: "error", error, file });
      setAnnouncement("");
    }
  };

  const current = currentId
    ? (recent.find((job) => job.id === currentId) ?? { id: currentId, name: currentId, createdAt: "", total: 0, status: "queued" as const })
    : null;

  const uploadMessage = (error: unknown) =>
    error instanceof ErrorAnswer && error.status === 413
      ? t.fileTooLarge(error.message)
      : error instanceof ErrorAnswer && error.status === 400
        ? t.uploadFailed(error.message)
        : describeError(error, t);

  return (
    <Layout page="bulk" title={(m) => m.bulkTitle}>
      <h1>{t.bulkTitle}</h1>
      <p class="intro">{t.bulkIntro}</p>

      <div class="card upload">
        <DropZone busy={upload.kind === "uploading"} onFile={(file) => void start(file)} onTooMany={() => setUpload({ kind: "too-many" })} />
        {upload.kind === "uploading" && (
          <p class="uploading" data-testid="uploading">
            <span class="spinner" aria-hidden="true" /> {t.uploading(upload.name)}
          </p>
        )}
        {upload.kind === "error" &&
          (needsApiKey(upload.error) ? (
            <ApiKeyForm rejected={apiKey() !== null} onSaved={() => void start(upload.file)} />
          ) : (
            <div class="alert" role="alert" data-testid="upload-error">
              <p>{uploadMessage(upload.error)}</p>
            </div>
          ))}
        {upload.kind === "too-many" && (
          <div class="alert" role="alert" data-testid="upload-error">
            <p>{t.notAFile}</p>
          </div>
        )}
        <SavedApiKey />
      </div>

      <div role="status" aria-live="polite" class="visually-hidden" data-testid="announcer">
        {announcement}
      </div>

      {current && (
        <JobPanel
          key={current.id}
          job={current}
          focusOnOpen={opened === "list"}
          justUploaded={opened === "upload"}
          onStatus={(status: JobStatus) => update({ id: status.id, total: status.total, status: status.status, counts: status.counts })}
          onExpired={() => update({ id: current.id, status: "expired" })}
          announce={setAnnouncement}
        />
      )}

      <RecentJobs
        jobs={recent}
        currentId={currentId}
        headingRef={recentHeading}
        onOpen={(id) => open(id, "list")}
        onRemove={(id) => {
          setRecent((jobs) => saveRecentJobs(jobs.filter((job) => job.id !== id)));
          if (id === currentId) open(null, "list");
          recentHeading.current?.focus();
        }}
      />
    </Layout>
  );
}
