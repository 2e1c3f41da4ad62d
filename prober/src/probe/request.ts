import type { z } from "zod";
import { ProbeRequestSchema, type ProbeRequest } from "../../../shared/contract/probe";
import { canonicalName } from "../../../shared/dns/wire-name";
import { ApiError } from "../../../shared/http/api-error";

/** An ASCII host name (A-labels), optionally with its final dot. */
const HOST_NAME = /^(?=.{1,254}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

/** C0 controls and DEL: a CR or LF in an address would let it smuggle SMTP commands. */
const CONTROL = /[\x00-\x1f\x7f]/;

function invalid(message: string): ApiError {
  return new ApiError(400, "invalid_request", message);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("")
    .replace(/^\./, "");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Checks a hop request body against the contract (shared/contract/probe.ts) and against what a
 * prober must never be made to do: ask an MX host about an address at another domain (that
 * would make it a relay tester for anyone's mail servers), or send a control character.
 * Throws a 400 ApiError that names the field, never quoting an address.
 *
 * @example
 * parseProbeRequest({ domain: "example.org", mx: [{ host: "mx.example.org", preference: 10 }], addresses: [{ address: "a@example.org", smtputf8: false }], budget_ms: 8000 });
 */
export function parseProbeRequest(body: unknown): ProbeRequest {
  const parsed = ProbeRequestSchema.safeParse(body);
  if (!parsed.success) throw invalid(describeIssue(parsed.error.issues[0]!));
  const request = parsed.data;
  if (!HOST_NAME.test(request.domain)) throw invalid("domain: must be an ASCII host name");
  for (const [index, { host }] of request.mx.entries()) {
    if (!HOST_NAME.test(host)) throw invalid(`mx[${index}].host: must be an ASCII host name`);
  }
  const domain = canonicalName(request.domain);
  for (const [index, { address }] of request.addresses.entries()) {
    if (CONTROL.test(address)) throw invalid(`addresses[${index}].address: must not contain control characters`);
    const at = address.lastIndexOf("@");
    if (at < 1 || canonicalName(address.slice(at + 1)) !== domain) throw invalid(`addresses[${index}].address: must be an address at the request's domain`);
  }
  return request;
}
