/**
 * deep-email-validator with its SMTP check on, in a process of its own (for its memory and its
 * DNS settings), driven over IPC through deep-smtp.ts: `fork(this file, [dnsServer, sender,
 * concurrency])`, then a message of addresses per pass, answered with one DeepAnswer per
 * address. The parent kills it when it is done.
 *
 * Its code is not touched. It asks `dns.resolveMx` for the MX and then connects to port 25
 * of the MX host by name, which Node looks up with `dns.lookup` (the system resolver). Here
 * both ask the local DNS peer, as on a machine whose resolver is that peer; port 25 of the
 * farm's main host is the parent's counting forwarder.
 */
import dns from "node:dns";
import validate from "deep-email-validator";
import { pool } from "./pool";

/** What deep-email-validator said of one address. */
export interface DeepAnswer {
  valid: boolean;
  /** Why not, when not valid: the failing step and its text ("smtp: Mailbox not found.", "mx: MX record not found", …). */
  reason: string | null;
}

export type DeepRunMessage = { addresses: string[] };
export type DeepRunReply = { answers: DeepAnswer[] };

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * `dns.lookup` through the resolver that `dns.setServers` points at. Only A records: the one
 * host the bench sends deep-email-validator to (mx1) has no other.
 */
function lookupThroughResolver(hostname: string, options: dns.LookupOptions | LookupCallback, callback?: LookupCallback): void {
  const done = typeof options === "function" ? options : callback!;
  const all = typeof options === "object" && options.all === true;
  dns.resolve4(hostname, (error, addresses) => {
    const [first] = addresses ?? [];
    if (error || first === undefined) return done(error ?? Object.assign(new Error(`${hostname}: no A record`), { code: "ENOTFOUND" }), all ? [] : "");
    if (all) done(null, addresses.map((address) => ({ address, family: 4 })));
    else done(null, first, 4);
  });
}

const [dnsServer, sender, concurrency] = process.argv.slice(2);
dns.setServers([dnsServer!]);
// net.connect looks host names up through the dns module's own lookup property.
Object.assign(dns, { lookup: lookupThroughResolver });

process.on("message", (message: DeepRunMessage) => {
  void (async () => {
    const answers: DeepAnswer[] = new Array(message.addresses.length);
    const indexes = message.addresses.map((_, index) => index);
    await pool(indexes, Number(concurrency), async (index) => {
      const email = message.addresses[index]!;
      const result = await validate({ email, sender: sender!, validateRegex: true, validateMx: true, validateTypo: false, validateDisposable: false, validateSMTP: true });
      const failed = result.reason && `${result.reason}: ${result.validators[result.reason]?.reason}`;
      answers[index] = { valid: result.valid, reason: failed || null };
    });
    process.send!({ answers } satisfies DeepRunReply);
  })();
});
