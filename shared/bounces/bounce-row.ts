import type { BounceKind, BounceReason } from "./bounce";

/** What an ESP said of a bounce besides the SMTP reply, e.g. SES `bounceType`/`bounceSubType`. */
export interface ProviderHint {
  readonly provider: "ses" | "sendgrid" | "mailgun" | "postmark" | "resend";
  /** SES bounceType, Mailgun severity, SendGrid event type (`bounce`/`blocked`), Postmark Type. */
  readonly type?: string;
  /** SES bounceSubType. */
  readonly subType?: string;
}

/** Everything a bounce tells about one recipient; any part may be missing. */
export interface BounceInput {
  /** The enhanced status code (`5.1.1`); found in `text` when not given. */
  readonly status?: string | null;
  /** The basic SMTP reply code (550); found in `text` when not given. */
  readonly code?: number | null;
  /** The remote server's reply or the bounce's own words. */
  readonly text?: string | null;
  /** The DSN `Action:` field (`failed`, `delayed`). */
  readonly action?: string | null;
  readonly hint?: ProviderHint;
}

/**
 * Whether the bounce is temporary: a 4.x.x status, a 4xx reply, a delay DSN or an ESP calling it
 * transient. Every temporary bounce is soft, whatever its text says.
 */
export type BouncePermanence = "temporary" | "permanent";

/**
 * One row of the bounce classification table: conditions over the bounce, and the kind and
 * reason it gives when they all hold. Rows are tried in order; the first that matches decides.
 */
export interface BounceRow {
  /** Names the row in tests and in a classification's `rule`. */
  readonly name: string;
  readonly kind: BounceKind;
  readonly reason: BounceReason;
  readonly permanence?: BouncePermanence;
  /** Matched against the status, given or found in the text; "" when there is none. */
  readonly status?: RegExp;
  /** Matched against the normalised text (see `normaliseBounceText`). */
  readonly text?: RegExp;
  readonly hint?: { readonly provider: ProviderHint["provider"]; readonly type?: RegExp; readonly subType?: RegExp };
  /** A real bounce this row decides; the table's test classifies it. */
  readonly example: BounceInput;
}

/**
 * One pattern that matches when any of the given ones does, so a list of wordings can be
 * written one per line.
 *
 * @example
 * anyOf(/user unknown/, /no such user/).test("no such user"); // true
 */
export function anyOf(...alternatives: RegExp[]): RegExp {
  return new RegExp(alternatives.map((pattern) => `(?:${pattern.source})`).join("|"));
}

/**
 * Lower case, accents removed, whitespace collapsed: the form row texts are written against.
 *
 * @example
 * normaliseBounceText("Boîte  aux lettres\n PLEINE"); // "boite aux lettres pleine"
 */
export function normaliseBounceText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
