import { type DoctorReport, DoctorReportSchema } from "../../../shared/contract/doctor";
import { signRequest } from "../../../shared/hop";
import type { ProberEntry } from "../../../shared/settings/variables";
import { signedJson } from "./ask";

/** A doctor report checks DNS, block lists and a canary MX: give it time, but not forever. */
const DOCTOR_TIMEOUT_MS = 30_000;

/**
 * Asks a prober for its doctor report over the signed hop (`GET /v1/doctor`). Null when no
 * signed, well-formed report comes back in time: the prober is down, refuses, or answers
 * something else; the review keeps that as `unreachable`, which alone never degrades it
 * (a prober that does not answer is passed over by the failover already).
 *
 * @example
 * const report = await fetchDoctorReport(prober, settings.proberSecrets);
 */
export async function fetchDoctorReport(prober: ProberEntry, secrets: readonly string[]): Promise<DoctorReport | null> {
  try {
    const request = await signRequest(new Request(new URL("/v1/doctor", prober.url)), secrets);
    const response = await fetch(request, { signal: AbortSignal.timeout(DOCTOR_TIMEOUT_MS) });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const parsed = DoctorReportSchema.safeParse(await signedJson(response, request, secrets));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
