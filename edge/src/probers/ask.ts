import { type ProbeRequest, type ProbeResponse, ProbeResponseSchema } from "../../../shared/contract/probe";
import { HOP_HEADERS, signRequest, verifySignedResponse } from "../../../shared/hop";
import type { ProberEntry } from "../../../shared/settings/variables";
import type { ProberHealthBook } from "./health";
import { orderProbers, type ProberPreferences } from "./order";

/** Time kept back for the hop itself: signing, the network both ways, parsing. */
const HOP_MARGIN_MS = 150;
/** Below this, a prober cannot do anything useful; the SMTP step is out of time. */
const MIN_PROBE_BUDGET_MS = 100;

export type ProberAnswer =
  | { kind: "answered"; prober: string; response: ProbeResponse }
  /** The deadline came before any prober answered; `tried` names the probers asked. */
  | { kind: "timeout"; tried: string[] }
  /** Every prober failed, busy or broken, with time left. */
  | { kind: "unavailable"; tried: string[] };

export interface AskOptions {
  probers: readonly ProberEntry[];
  regionHint: string | undefined;
  health: ProberHealthBook;
  /** The hop keys (MAILVET_PROBER_SECRET): requests are signed with the first, answers checked against all. */
  secrets: readonly string[];
  /** Epoch milliseconds by which the answer must be back. */
  deadline: number;
  /** Probers to try last (they failed this work before, or are degraded), and regions to move away from. */
  preferences?: ProberPreferences;
}

/**
 * Sends SMTP-level work to a prober, in orderProbers' order (healthy ones of the caller's region
 * first), failing over to the next on an error, a refusal or a busy 429, and never past the deadline.
 * Each prober gets the time that is left as its budget, so it answers before the edge must.
 * An answer counts only when it is signed for this request and within the size limit
 * (verifySignedResponse); anything else is that prober's failure.
 *
 * @example
 * const answer = await askProbers(probe, { probers, regionHint: "eu", health, secrets, deadline });
 */
export async function askProbers(probe: Omit<ProbeRequest, "budget_ms">, options: AskOptions): Promise<ProberAnswer> {
  const { health, deadline, secrets } = options;
  const tried: string[] = [];
  for (const prober of orderProbers(options.probers, options.regionHint, health, options.preferences)) {
    const budget = deadline - Date.now() - HOP_MARGIN_MS;
    if (budget < MIN_PROBE_BUDGET_MS) return { kind: "timeout", tried };
    tried.push(prober.id);
    try {
      const request = await signRequest(
        new Request(new URL("/v1/probe", prober.url), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...probe, budget_ms: Math.min(budget, 60_000) }),
        }),
        secrets,
      );
      const response = await fetch(request, { signal: AbortSignal.timeout(budget + HOP_MARGIN_MS) });
      if (!response.ok) {
        // Nothing of a refusal is read: its body is no use, and may be as large as it likes.
        await response.body?.cancel();
        // Busy is not broken: a 429 sends the work elsewhere without marking the prober down.
        if (response.status !== 429) health.failed(prober.id);
        continue;
      }
      const parsed = ProbeResponseSchema.safeParse(await signedJson(response, request, secrets));
      if (!parsed.success) {
        health.failed(prober.id);
        continue;
      }
      health.succeeded(prober.id);
      return { kind: "answered", prober: prober.id, response: parsed.data };
    } catch {
      health.failed(prober.id);
    }
  }
  return { kind: Date.now() >= deadline - HOP_MARGIN_MS ? "timeout" : "unavailable", tried };
}

/**
 * A prober's answer as JSON, once its signature for this request checks out; throws otherwise.
 *
 * @example
 * const body = await signedJson(await fetch(request), request, secrets);
 */
export async function signedJson(response: Response, request: Request, secrets: readonly string[]): Promise<unknown> {
  const body = await verifySignedResponse(response, { secrets, requestNonce: request.headers.get(HOP_HEADERS.nonce)! });
  return JSON.parse(new TextDecoder().decode(body));
}
