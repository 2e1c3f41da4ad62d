import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../ui/i18n";

const ACCEPT = ".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Where a list comes in: drop a file on the zone, or use the file picker, which is a real file
 * input (focusable; Enter or Space opens it) styled as a button.
 *
 * @example
 * <DropZone busy={uploading} onFile={(file) => upload(file)} onTooMany={() => say(t.notAFile)} />
 */
export function DropZone({ busy, onFile, onTooMany }: { busy: boolean; onFile: (file: File) => void; onTooMany: () => void }) {
  const { t } = useI18n();
  const [active, setActive] = useState(false);
  const depth = useRef(0);

  // A file dropped beside the zone must not replace the page with the file.
  useEffect(() => {
    const stop = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    window.addEventListener("dragover", stop);
    window.addEventListener("drop", stop);
    return () => {
      window.removeEventListener("dragover", stop);
      window.removeEventListener("drop", stop);
    };
  }, []);

  const take = (files: FileList | null | undefined) => {
    if (busy || !files || files.length === 0) return;
    if (files.length > 1) return onTooMany();
    onFile(files[0]!);
  };

  return (
    <div
      class={`dropzone${active ? " active" : ""}`}
      data-testid="dropzone"
      onDragEnter={(event) => {
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setActive(false);
        take(event.dataTransfer?.files);
      }}
    >
      <svg class="dropzone-icon" aria-hidden="true" viewBox="0 0 24 24" width="40" height="40">
        <path
          d="M12 16V4m0 0L7 9m5-5l5 5M4 15v3a2 2 0 002 2h12a2 2 0 002-2v-3"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <p class="dropzone-title">{active ? t.dropActive : t.dropTitle}</p>
      <p class="dropzone-or">{t.dropOr}</p>
      <input
        id="file"
        class="visually-hidden file-input"
        type="file"
        accept={ACCEPT}
        aria-describedby="drop-hint"
        onChange={(event) => {
          const input = event.currentTarget;
          take(input.files);
          // The same file chosen again must start another job.
          input.value = "";
        }}
      />
      <label for="file" class="button file-button">
        {t.chooseFile}
        <span class="visually-hidden"> — {t.fileInputLabel}</span>
      </label>
      <p id="drop-hint" class="hint">
        {t.dropHint}
      </p>
    </div>
  );
}
