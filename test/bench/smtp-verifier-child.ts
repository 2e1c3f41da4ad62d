/**
 * An npm verifier with its SMTP check on, in a process of its own (for its memory and its DNS
 * settings), driven over IPC through smtp-verifier.ts: `fork(this file, [verifier, dnsServer,
 * sender, concurrency])`, then a message of addresses per pass, answered with one
 * VerifierAnswer per address. The parent kills it when it is done.
 *
 * No verifier's code is touched. Each asks Node's `dns` module for the MX and then connects to
 * port 25 of the MX host by name, which Node looks up with `dns.lookup` (the system resolver).
 * Here both ask the local DNS peer, as on a machine whose resolver is that peer; port 25 of the
 * farm's main host is the parent's counting forwarder.
 */
import dns from "node:dns";
import { clearAllCaches, verifyEmail } from "@devmehq/email-validator-js";
import validate from "deep-email-validator";
import emailExistence from "email-existence";
import { pool } from "./pool";

/** What a verifier said of one address. */
export interface VerifierAnswer {
  valid: boolean;
  /** Why not, when not valid: the failing step and its text ("smtp: Mailbox not found.", "mx: MX record not found", …). */
  reason: string | null;
}

export type VerifierRunMessage = { addresses: string[] };
export type VerifierRunReply = { answers: VerifierAnswer[] };

/** Milliseconds each verifier may spend on an address's SMTP conversation: deep-email-validator's own default. */
const SMTP_TIMEOUT_MS = 10_000;

/** The npm verifiers the benches compare with, each run the way its README shows. */
export const VERIFIERS = {
  "deep-email-validator": async (email: string, sender: string): Promise<VerifierAnswer> => {
    const result = await validate({ email, sender, validateRegex: true, validateMx: true, validateTypo: false, validateDisposable: false, validateSMTP: true });
    const failed = result.reason && `${result.reason}: ${result.validators[result.reason]?.reason}`;
    return { valid: result.valid, reason: failed || null };
  },
  "email-existence": (email: string, sender: string) =>
    new Promise<VerifierAnswer>((resolve) => {
      emailExistence.check(
        email,
        (error, valid, undetermined) => resolve({ valid, reason: valid ? null : undetermined ? "undetermined" : (error?.message ?? "refused") }),
        SMTP_TIMEOUT_MS,
        sender,
      );
    }),
  "@devmehq/email-validator-js": async (email: string): Promise<VerifierAnswer> => {
    const result = await verifyEmail({ emailAddress: email, verifyMx: true, verifySmtp: true, timeout: SMTP_TIMEOUT_MS });
    const reason = !result.validFormat ? "format" : !result.validMx ? "mx" : result.validSmtp === null ? "smtp: no answer" : "smtp: refused";
    return { valid: result.validSmtp === true, reason: result.validSmtp === true ? null : reason };
  },
};

export type VerifierName = keyof typeof VERIFIERS;

/** Caches a verifier keeps between calls, emptied before each pass so that every pass asks the server. */
const RESETS: Partial<Record<VerifierName, () => void>> = { "@devmehq/email-validator-js": clearAllCaches };

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * `dns.lookup` through the resolver that `dns.setServers` points at. Only A records: the one
 * host the bench sends the verifiers to (mx1) has no other.
 */
function lookupThroughResolver(hostname: string, options: dns.LookupOptions | LookupCallback, callback?: LookupCallback): void {
  const done = typeof options === "function" ? options : callback!;
  const all = typeof options === "object" && options.all === true;
  dns.resolve4(hostname, (error, addresses) => {
    const [first] = addresses ?? [];
    if (error || first === undefined) return done(error ?? Object.assign(new Error(`${hostname}: no A record`), { code: "ENOTFOUND" }), all ? [] : "");
    if (all)
      done(
        null,
        addresses.map((address) => ({ address, family: 4 })),
      );
    else done(null, first, 4);
  });
}

const [verifier, dnsServer, sender, concurrency] = process.argv.slice(2) as [VerifierName, string, string, string];
const verify = VERIFIERS[verifier];
dns.setServers([dnsServer]);
// net.connect looks host names up through the dns module's own lookup property.
Object.assign(dns, { lookup: lookupThroughResolver });

process.on("message", (message: VerifierRunMessage) => {
  void (async () => {
    RESETS[verifier]?.();
    const answers: VerifierAnswer[] = new Array(message.addresses.length);
    const indexes = message.addresses.map((_, index) => index);
    await pool(indexes, Number(concurrency), async (index) => {
      answers[index] = await verify(message.addresses[index]!, sender);
    });
    process.send!({ answers } satisfies VerifierRunReply);
  })();
});
