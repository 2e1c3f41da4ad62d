/**
 * Saves a Blob as a file through a temporary link, the way a download link would.
 *
 * @example
 * saveBlob(await fetchResults(id, "csv"), "contacts-all.csv");
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The name a results file is saved under: the upload's name without its extension, which rows,
 * and the format.
 *
 * @example
 * resultsFileName("contacts.xlsx", "deliverable", "csv"); // "contacts-deliverable.csv"
 */
export function resultsFileName(uploadName: string, which: "deliverable" | "all", format: "csv" | "xlsx"): string {
  const stem =
    uploadName
      .replace(/\.[^./\\]+$/, "")
      .replace(/[\\/:*?"<>|]+/g, "_")
      .trim() || "mailvet";
  return `${stem}-${which}.${format}`;
}
