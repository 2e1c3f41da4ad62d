import { MAX_PROBE_MESSAGE_CHARS, type ProbeAddressResult, type ProbeResponse } from "../../../shared/contract/probe";
import type { TranscriptLine } from "../smtp/transcript";
import type { SettledAddress, WalkOutcome } from "./mx-walk";

/**
 * The contract's result for one settled address. The reason is the server's, so an address
 * accepted by a catch-all domain stays `accepted`: the response's `catch_all` says the rest,
 * and the edge, which composes the verdict, turns the pair into risky/`catch_all` by the
 * contract's precedence, without losing what the server said.
 *
 * @example
 * toAddressResult({ result, host: "mx.example.org", durationMs: 41 }).reason; // "accepted"
 */
export function toAddressResult({ result, host, durationMs }: SettledAddress): ProbeAddressResult {
  return {
    address: result.address,
    reason: result.reason,
    class: result.class,
    rule: result.rule,
    host,
    code: result.code,
    enhanced: result.enhanced,
    message: result.text === null ? null : cutMessage(result.text),
    retry_after: result.retryAfterSeconds,
    duration_ms: durationMs,
  };
}

/**
 * A reply's text cut to MAX_PROBE_MESSAGE_CHARS, ending in "…" when it was cut; never in the
 * middle of a character outside the BMP.
 *
 * @example
 * cutMessage("5.1.1 User unknown"); // "5.1.1 User unknown"
 * cutMessage("x".repeat(1000)).length; // 300
 */
export function cutMessage(text: string): string {
  if (text.length <= MAX_PROBE_MESSAGE_CHARS) return text;
  let end = MAX_PROBE_MESSAGE_CHARS - 1;
  // A high surrogate at the cut would leave half a character behind.
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A transcript line as the response carries it: when, who, what.
 *
 * @example
 * transcriptText({ atMs: 12, from: "client", line: "EHLO probe.example" }); // "[12 ms] client: EHLO probe.example"
 */
export function transcriptText({ atMs, from, line }: TranscriptLine): string {
  return `[${atMs} ms] ${from}: ${line}`;
}

/**
 * The response to a probe request: one result per requested address, in the request's order
 * (an address asked twice is answered twice from one probe), and the transcript only when given.
 *
 * @example
 * toProbeResponse("probe.example.net", requested, outcome); // { prober, catch_all, results }
 */
export function toProbeResponse(prober: string, requested: readonly string[], outcome: WalkOutcome, transcript?: readonly TranscriptLine[]): ProbeResponse {
  const byAddress = new Map(outcome.settled.map((settled) => [settled.result.address, settled]));
  return {
    prober,
    catch_all: outcome.catchAll,
    results: requested.map((address) => toAddressResult(byAddress.get(address)!)),
    ...(transcript ? { transcript: transcript.map(transcriptText) } : {}),
  };
}
