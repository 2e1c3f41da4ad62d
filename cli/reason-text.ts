import type { Reason } from "../shared/contract/taxonomy";

/** Each reason of the contract in plain words, for people reading `mailvet verify`. */
export const REASON_TEXT: Record<Reason, string> = {
  accepted: "the mail server accepts mail for this mailbox",
  invalid_syntax: "this is not a valid e-mail address",
  invalid_domain: "the domain does not exist, or is reserved and never takes mail",
  no_mail_server: "the domain has no mail server",
  mailbox_not_found: "the mail server says this mailbox does not exist",
  mailbox_disabled: "the mailbox exists but is disabled",
  bounced: "mail to it bounced hard (on your suppression list)",
  complained: "the recipient reported mail as spam (on your suppression list)",
  disposable: "a disposable (throw-away) address",
  mailbox_full: "the mailbox is full",
  catch_all: "the domain accepts mail for any address, so this one cannot be confirmed",
  greylisted: "the mail server asked to try again later (greylisting)",
  deferred: "the mail server put the check off (busy or rate-limited); try again later",
  blocked: "the mail server refused to be checked (a policy block)",
  timeout: "the mail server did not answer in time",
  no_connect: "no mail server of the domain could be reached",
  dns_error: "the domain's DNS could not be read",
  smtp_skipped: "the domain takes mail; its mail server was not asked",
  unsupported: "the mail server cannot take this address (no SMTPUTF8 for a non-ASCII mailbox)",
  error: "something went wrong while checking; try again",
};
