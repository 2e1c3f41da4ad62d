import { DoctorReportSchema, type ProberDoctorAnswer } from "../../../shared/contract/doctor";
import { signRequest } from "../../../shared/hop";
import type { ProberEntry } from "../../../shared/settings/variables";
import { signedJson } from "./ask";

/** A doctor run asks DNS, the block lists and a canary MX (up to 5 s each step): this is plenty. */
export const DOCTOR_TIMEOUT_MS = 30_000;

/**
 * Asks one prober for its doctor report over the signed hop (`GET /v1/doctor`). The answer counts
 * only when it is signed for this request and is a report; anything else is an `error`, in words.
 * Never rejects. The edge's standing review and `GET /v1/probers/doctor` both use it.
 *
 * @example
 * const answer = await askDoctor({ id: "eu1", region: "eu", url: "https://eu1.probers.example" }, secrets);
 * answer.report?.status; // "pass"
 */
export async function askDoctor(prober: ProberEntry, secrets: readonly string[], timeoutMs = DOCTOR_TIMEOUT_MS): Promise<ProberDoctorAnswer> {
  const named = { id: prober.id, region: prober.region };
  try {
    const request = await signRequest(new Request(new URL("/v1/doctor", prober.url)), secrets);
    const response = await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return { ...named, report: null, error: `the prober answered ${response.status}` };
    }
    const parsed = DoctorReportSchema.safeParse(await signedJson(response, request, secrets));
    if (!parsed.success) return { ...named, report: null, error: "the prober's answer is not a doctor report (an older prober?)" };
    return { ...named, report: { ...parsed.data, prober: named }, error: null };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error);
    return { ...named, report: null, error: `could not ask the prober: ${reason}` };
  }
}
