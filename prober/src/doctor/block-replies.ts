import type { z } from "zod";
import type { BlockRepliesSchema } from "../../../shared/contract/doctor";
import { publicSuffixLabelCount } from "../../../shared/lists/public-suffix";
import { cutMessage } from "../probe/response";

export type BlockReplies = z.infer<typeof BlockRepliesSchema>;

/** One reply a server gave this prober that the classifier read as a block of us (class `blocked`). */
export interface BlockReply {
  /** The MX host that answered, e.g. `gmail-smtp-in.l.google.com`. */
  readonly host: string;
  /** The recipient domain the session was for. */
  readonly domain: string;
  /** The reply's text (the code's words, not the address). */
  readonly text: string | null;
}

export interface BlockReplyWindow {
  /** Keeps one block reply, stamped now. */
  record(reply: BlockReply): void;
  /** Block replies of the last window, per provider, most first. */
  counts(): BlockReplies[];
}

export interface BlockReplyWindowOptions {
  /** How far back `counts` looks. Default one hour. */
  readonly windowMs?: number;
  /** Replies kept at most; the oldest go first, so a flood costs bounded memory. Default 10,000. */
  readonly maxReplies?: number;
  readonly now?: () => number;
}

/**
 * The provider an MX host belongs to: its registrable domain, so Google's many MX names count
 * as one provider (`gmail-smtp-in.l.google.com` → `google.com`).
 *
 * @example
 * providerOf("gmail-smtp-in.l.google.com"); // "google.com"
 * providerOf("mx1.mailvet-mta.net"); // "mailvet-mta.net"
 */
export function providerOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  return labels.slice(-(publicSuffixLabelCount(labels) + 1)).join(".");
}

/** An e-mail address inside a reply's text; the sample keeps the words and drops the address. */
const ADDRESS_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * A small in-memory window of the block replies this prober read, fed where a probe's replies
 * are classified (probe/service.ts), read by the doctor's `block-replies` check and by anything
 * else that wants the same counts (the edge's standing review reads them through /v1/doctor).
 *
 * @example
 * const window = createBlockReplyWindow();
 * window.record({ host: "gmail-smtp-in.l.google.com", domain: "gmail.com", text: "4.7.0 … very low reputation" });
 * window.counts(); // [{ provider: "google.com", count: 1, domains: 1, sample: "4.7.0 … very low reputation" }]
 */
export function createBlockReplyWindow({ windowMs = 3_600_000, maxReplies = 10_000, now = Date.now }: BlockReplyWindowOptions = {}): BlockReplyWindow {
  const replies: (BlockReply & { at: number })[] = [];
  const forget = () => {
    const since = now() - windowMs;
    let old = 0;
    while (old < replies.length && replies[old]!.at <= since) old++;
    replies.splice(0, Math.max(old, replies.length - maxReplies));
  };
  return {
    record(reply) {
      replies.push({ ...reply, at: now() });
      forget();
    },
    counts() {
      forget();
      const byProvider = new Map<string, { count: number; domains: Set<string>; sample: string | null }>();
      for (const { host, domain, text } of replies) {
        const provider = providerOf(host);
        const entry = byProvider.get(provider) ?? { count: 0, domains: new Set<string>(), sample: null };
        entry.count++;
        entry.domains.add(domain);
        entry.sample = text === null ? entry.sample : cutMessage(text.replace(ADDRESS_IN_TEXT, "[address]"));
        byProvider.set(provider, entry);
      }
      return [...byProvider]
        .map(([provider, { count, domains, sample }]) => ({ provider, count, domains: domains.size, sample }))
        .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider));
    },
  };
}
