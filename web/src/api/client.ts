import type { z } from "@hono/zod-openapi";
import type { ReputationReview } from "../../../shared/contract/reputation";
import type { VerifyResult } from "../../../shared/contract/schemas";
import type { Verdict } from "../../../shared/contract/taxonomy";
// Types only (erased by the bundler): the jobs routes' own schemas, so a change there is a type
// error here rather than a silent mismatch.
import type { JobCreatedSchema, JobStatusSchema } from "../../../shared/contract/jobs";
import type { ProbersResponse } from "../../../shared/contract/probers";
import { readStored, writeStored } from "../ui/storage";

export type { VerifyResult } from "../../../shared/contract/schemas";
export type { ReputationFinding, ReputationReview } from "../../../shared/contract/reputation";
export type { ProberStatus, ProbersResponse } from "../../../shared/contract/probers";
export type JobCreated = z.infer<typeof JobCreatedSchema>;
export type JobStatus = z.infer<typeof JobStatusSchema>;
export type ResultsFormat = "csv" | "xlsx" | "json";

const API_KEY_STORAGE = "mailvet.apiKey";

/**
 * An answer of the API other than 2xx, with the contract's `{"error": {"code", "message"}}`
 * (or the status text when the body is not that).
 */
export class ErrorAnswer extends Error {
  override readonly name = "ErrorAnswer";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The API could not be reached at all (offline, DNS, connection refused, CORS). */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/** The API key kept in this browser, or null (a local edge is open and needs none). */
export function apiKey(): string | null {
  return readStored(API_KEY_STORAGE) || null;
}

const keyListeners = new Set<() => void>();

/** Keeps (or with null, forgets) the API key in this browser, and tells the subscribers. */
export function setApiKey(key: string | null): void {
  writeStored(API_KEY_STORAGE, key?.trim() || null);
  for (const listener of keyListeners) listener();
}

/**
 * Calls `listener` whenever the saved API key changes; returns the unsubscribe function.
 *
 * @example
 * useEffect(() => onApiKeyChange(() => setSaved(apiKey() !== null)), []);
 */
export function onApiKeyChange(listener: () => void): () => void {
  keyListeners.add(listener);
  return () => void keyListeners.delete(listener);
}

/**
 * Sends a request to the edge on this page's origin with the saved API key, and turns every
 * failure into an ErrorAnswer or a NetworkError; an aborted request rejects with its AbortError.
 */
async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = apiKey();
  if (key) headers.set("Authorization", `Bearer ${key}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error instanceof Error ? error.message : "network error");
  }
  if (response.ok) return response;
  let code = "http_error";
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === "string") code = body.error.code;
    if (typeof body.error?.message === "string") message = body.error.message;
  } catch {
    // Not the contract's error body (a proxy's page, say): the status text stands.
  }
  throw new ErrorAnswer(response.status, code, message);
}

/**
 * Verifies one address: `GET /v1/verify`.
 *
 * @example
 * const result = await verifyEmail("alice@example.org", { smtp: false });
 * result.verdict; // "unknown"
 */
export async function verifyEmail(email: string, options: { smtp?: boolean; signal?: AbortSignal } = {}): Promise<VerifyResult> {
  const query = new URLSearchParams({ email });
  if (options.smtp === false) query.set("smtp", "false");
  const response = await request(`/v1/verify?${query}`, { signal: options.signal ?? null });
  return (await response.json()) as VerifyResult;
}

/**
 * Reviews a sender: `GET /v1/reputation` with a domain and comma-separated IPs (either may be empty).
 *
 * @example
 * const review = await reviewReputation("example.com", "192.0.2.10");
 * review.findings[0]; // { id: "blocklists:192.0.2.10", status: "pass", summary: "…", fix: null }
 */
export async function reviewReputation(domain: string, ips: string, signal?: AbortSignal): Promise<ReputationReview> {
  const query = new URLSearchParams();
  if (domain) query.set("domain", domain);
  if (ips.trim()) query.set("ip", ips.trim());
  const response = await request(`/v1/reputation?${query}`, { signal: signal ?? null });
  return (await response.json()) as ReputationReview;
}

/**
 * Starts a bulk job from a CSV or XLSX file: `POST /v1/jobs` as multipart `file`.
 *
 * @example
 * const { id, total } = await createJob(input.files[0]);
 */
export async function createJob(file: File, signal?: AbortSignal): Promise<JobCreated> {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await request("/v1/jobs", { method: "POST", body: form, signal: signal ?? null });
  return (await response.json()) as JobCreated;
}

/**
 * A job's progress: `GET /v1/jobs/{id}` (404 once it expired).
 *
 * @example
 * const { status, processed, total, counts } = await jobStatus(id);
 */
export async function jobStatus(id: string, signal?: AbortSignal): Promise<JobStatus> {
  const response = await request(`/v1/jobs/${encodeURIComponent(id)}`, { signal: signal ?? null });
  return (await response.json()) as JobStatus;
}

/**
 * The URL of a job's results, optionally only some verdicts.
 *
 * @example
 * resultsUrl(id, "csv", ["deliverable"]); // "/v1/jobs/…/results?format=csv&verdicts=deliverable"
 */
export function resultsUrl(id: string, format: ResultsFormat, verdicts?: readonly Verdict[]): string {
  const query = new URLSearchParams({ format });
  if (verdicts?.length) query.set("verdicts", verdicts.join(","));
  return `/v1/jobs/${encodeURIComponent(id)}/results?${query}`;
}

/**
 * Fetches a job's results as a Blob (for when a plain link cannot do: an API key must be sent,
 * or an error must be shown instead of being saved as the file).
 *
 * @example
 * const blob = await fetchResults(id, "xlsx");
 */
export async function fetchResults(id: string, format: ResultsFormat, verdicts?: readonly Verdict[]): Promise<Blob> {
  const response = await request(resultsUrl(id, format, verdicts));
  return response.blob();
}

/**
 * Each prober's health, last doctor report and trend: `GET /v1/probers` (admin scope).
 *
 * @example
 * const { probers } = await proberStatuses();
 */
export async function proberStatuses(signal?: AbortSignal): Promise<ProbersResponse> {
  const response = await request("/v1/probers", { signal: signal ?? null });
  return (await response.json()) as ProbersResponse;
}
