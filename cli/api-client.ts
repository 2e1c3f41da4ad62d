import type { VerifyResult } from "../shared/contract/schemas";
import type { z } from "@hono/zod-openapi";
import type { ProbersDoctor } from "../shared/contract/doctor";
import type { JobCreatedSchema, JobStatusSchema } from "../shared/contract/jobs";
import type { SuppressionSchema } from "../shared/contract/suppressions";
import type { ApiTarget, OutputChoice } from "./args";
import { CliError, EXIT } from "./exit-codes";
import { untilAborted } from "./until-aborted";

import type { ReputationReview } from "../shared/contract/reputation";

/** `GET /v1/jobs/{id}` and `POST /v1/jobs`'s 202, as the jobs routes' own schemas say (types only). */
export type JobStatus = z.infer<typeof JobStatusSchema>;
export type JobCreated = z.infer<typeof JobCreatedSchema>;
export type Suppression = z.infer<typeof SuppressionSchema>;
/** What POST /v1/suppressions/import answers. */
export interface BounceImport {
  imported: number;
  skipped: number;
  reasons: { item: number; reason: string }[];
}

/** A small JSON request's deadline: status and job calls answer at once or something is wrong. */
const REQUEST_TIMEOUT_MS = 30_000;
/** verify: the API answers within the request's timeout_ms (30 s at most); past it plus this, give up. */
const VERIFY_MARGIN_MS = 10_000;
const MAX_TIMEOUT_MS = 30_000;
/** doctor: the edge gives each prober 30 s for its checks; past it plus this, give up. */
const DOCTOR_TIMEOUT_MS = 40_000;

/** 4xx answers about what the user gave (the file, an address, a job id); other failures are the API's. */
const INPUT_STATUSES = new Set([400, 404, 411, 413, 415, 422]);

/**
 * The CliError for an API's error answer: its `{"error": {"code", "message"}}` when it has one,
 * exit 4 when it refused the input, 3 otherwise.
 *
 * @example
 * throw await apiError(new Response('{"error":{"code":"not_found","message":"no such job"}}', { status: 404 }));
 * // CliError(4, "the API answered 404 not_found: no such job")
 */
export async function apiError(response: Response): Promise<CliError> {
  const text = await response.text().catch(() => "");
  let detail = `${response.status} ${response.statusText}`.trim();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === "string" && typeof error.message === "string") detail = `${response.status} ${error.code}: ${error.message}`;
  } catch {
    // Not the API's JSON (a proxy's page, say): the status line is all there is.
  }
  if (response.status === 401 || response.status === 403) return new CliError(EXIT.api, `the API refused the key (--key or MAILVET_API_KEY): ${detail}`);
  if (INPUT_STATUSES.has(response.status)) return new CliError(EXIT.input, `the API answered ${detail}`);
  return new CliError(EXIT.api, `the API answered ${detail}`, response.status === 429 || response.status >= 500);
}

/**
 * The Mailvet HTTP API as the CLI uses it. Every call ends at `signal` (Ctrl-C), which it
 * rethrows untouched; other failures become CliErrors with the exit code they deserve.
 *
 * @example
 * const api = new MailvetApi({ url: "http://127.0.0.1:8787", key: undefined }, AbortSignal.timeout(60_000));
 * const result = await api.verify("ann@example.org", { smtp: true, timeoutMs: undefined });
 */
export class MailvetApi {
  readonly #signal: AbortSignal;

  constructor(
    readonly target: ApiTarget,
    signal: AbortSignal,
  ) {
    this.#signal = signal;
  }

  async verify(email: string, options: { smtp: boolean; timeoutMs: number | undefined }): Promise<VerifyResult> {
    const query = new URLSearchParams({ email });
    if (!options.smtp) query.set("smtp", "false");
    if (options.timeoutMs !== undefined) query.set("timeout_ms", String(options.timeoutMs));
    const response = await this.#request(`/v1/verify?${query}`, {}, (options.timeoutMs ?? MAX_TIMEOUT_MS) + VERIFY_MARGIN_MS);
    return this.#json(response);
  }

  async reputation(domain: string | undefined, ips: readonly string[]): Promise<ReputationReview> {
    const query = new URLSearchParams();
    if (domain !== undefined) query.set("domain", domain);
    if (ips.length > 0) query.set("ip", ips.join(","));
    return this.#json(await this.#request(`/v1/reputation?${query}`, {}, REQUEST_TIMEOUT_MS));
  }

  /** Uploads a list; no deadline, since a large file takes what it takes. */
  async createJob(body: Blob | FormData): Promise<JobCreated> {
    return this.#json(await this.#request("/v1/jobs", { method: "POST", body }, undefined));
  }

  async jobStatus(id: string): Promise<JobStatus> {
    return this.#json(await this.#request(`/v1/jobs/${encodeURIComponent(id)}`, {}, REQUEST_TIMEOUT_MS));
  }

  /** The finished job's results in the output's format, only the kept verdicts' rows, as a stream. */
  async results(id: string, output: Pick<OutputChoice, "format" | "keep">): Promise<ReadableStream<Uint8Array>> {
    const query = new URLSearchParams({ format: output.format });
    if (output.keep !== "all") query.set("verdicts", output.keep.join(","));
    const response = await this.#request(`/v1/jobs/${encodeURIComponent(id)}/results?${query}`, {}, undefined);
    if (!response.body) throw new CliError(EXIT.api, "the API sent results without a body");
    return response.body;
  }

  /** One page of the suppression list (`after`: the previous page's `next`). */
  async suppressions(kind: string | undefined, after: string | undefined): Promise<{ entries: Suppression[]; next: string | null }> {
    const query = new URLSearchParams({ limit: "1000" });
    if (kind) query.set("kind", kind);
    if (after) query.set("after", after);
    return this.#json(await this.#request(`/v1/suppressions?${query}`, {}, REQUEST_TIMEOUT_MS));
  }

  async putSuppression(address: string, entry: { kind: string; reason: string; status?: string | undefined }): Promise<Suppression> {
    const init = { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(entry) };
    return this.#json(await this.#request(`/v1/suppressions/${encodeURIComponent(address)}`, init, REQUEST_TIMEOUT_MS));
  }

  async removeSuppression(address: string): Promise<void> {
    await this.#request(`/v1/suppressions/${encodeURIComponent(address)}`, { method: "DELETE" }, REQUEST_TIMEOUT_MS);
  }

  /** The list as CSV, streamed. */
  async exportSuppressions(kind: string | undefined): Promise<ReadableStream<Uint8Array>> {
    const response = await this.#request(`/v1/suppressions.csv${kind ? `?kind=${kind}` : ""}`, {}, undefined);
    if (!response.body) throw new CliError(EXIT.api, "the API sent the list without a body");
    return response.body;
  }

  /** Files a CSV export or an mbox of bounces on the key's list; no deadline, like an upload. */
  async importBounces(body: Blob, contentType: "text/csv" | "application/mbox"): Promise<BounceImport> {
    return this.#json(await this.#request("/v1/suppressions/import", { method: "POST", headers: { "content-type": contentType }, body }, undefined));
  }

  /** Every prober's doctor report; probers run their checks at once, each within 30 s. */
  async proberDoctors(): Promise<ProbersDoctor> {
    return this.#json(await this.#request("/v1/probers/doctor", {}, DOCTOR_TIMEOUT_MS));
  }

  async #request(path: string, init: RequestInit, timeoutMs: number | undefined): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.target.key) headers.set("Authorization", `Bearer ${this.target.key}`);
    const signal = timeoutMs === undefined ? this.#signal : AbortSignal.any([this.#signal, AbortSignal.timeout(timeoutMs)]);
    let response: Response;
    try {
      response = await untilAborted(fetch(`${this.target.url}${path}`, { ...init, headers, signal }), this.#signal);
    } catch (error) {
      throw this.#unreachable(error, timeoutMs);
    }
    if (!response.ok) throw await apiError(response);
    return response;
  }

  async #json<T>(response: Response): Promise<T> {
    try {
      return (await untilAborted(response.json(), this.#signal)) as T;
    } catch (error) {
      if (this.#signal.aborted) throw error;
      throw new CliError(EXIT.api, `the API at ${this.target.url} answered with something that is not JSON`);
    }
  }

  /** Why a request got no answer, unless it was Ctrl-C, which passes through as it is. */
  #unreachable(error: unknown, timeoutMs: number | undefined): unknown {
    if (this.#signal.aborted) return error;
    if (error instanceof Error && error.name === "TimeoutError")
      return new CliError(EXIT.api, `the API at ${this.target.url} did not answer within ${(timeoutMs ?? 0) / 1000} s`, true);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const why = cause instanceof Error ? ("code" in cause && typeof cause.code === "string" ? cause.code : cause.message) : String(cause);
    return new CliError(EXIT.api, `cannot reach the API at ${this.target.url} (${why}); start one with \`npm start\` or point --api at one`, true);
  }
}
