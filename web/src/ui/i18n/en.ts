import type { ResultFlags } from "../../../../shared/bulk/result-row";
import type { JobStatusName, Reason, Verdict } from "../../../../shared/contract/taxonomy";

type FlagName = keyof ResultFlags;
/** What the bulk page says of a job: the API's states, and its own before (uploading) and after (expired). */
type JobStateName = JobStatusName | "uploading" | "expired";

/**
 * Every string of the web app in English. The Chinese dictionary (zh.ts) has the same shape, so
 * the type checker refuses a string missing from either; strings with values are functions.
 * Verdicts, reasons and flags are keyed by the contract's taxonomy, so a new reason there is a
 * type error here until it is explained in both languages.
 */
export const en = {
  langName: "English",
  htmlLang: "en",
  locale: "en",

  // Layout
  skipToContent: "Skip to main content",
  navLabel: "Main",
  nav: { check: "Check", bulk: "Bulk", docs: "API docs", demo: "Demo" },
  languageLabel: "Language",
  tagline: "Open-source e-mail verification",
  footer: "Mailvet is open source. Addresses you check are not stored; bulk lists are deleted after 7 days.",

  // API key
  apiKeyNeeded: "This Mailvet server needs an API key.",
  apiKeyRejected: "The API key was not accepted. Check it and try again.",
  apiKeyLabel: "API key",
  apiKeyHint: "Kept in this browser only (local storage) and sent as a bearer token.",
  apiKeySave: "Save key and retry",
  apiKeySet: "An API key is saved in this browser.",
  apiKeyForget: "Forget the key",

  // Errors common to both pages
  networkError: "Could not reach the Mailvet service. Check your connection and try again.",
  serverError: (status: number, message: string) => `The service had a problem (HTTP ${status}): ${message}`,
  requestRefused: (message: string) => `The request was refused: ${message}`,

  // Verdicts, reasons, flags
  verdict: {
    deliverable: "Deliverable",
    undeliverable: "Undeliverable",
    risky: "Risky",
    unknown: "Unknown",
  } satisfies Record<Verdict, string>,
  verdictMeaning: {
    deliverable: "Safe to send: mail to this address should arrive.",
    undeliverable: "Do not send: mail to this address will bounce.",
    risky: "Mail may arrive, but sending to this address carries a risk of bounces or of reaching nobody.",
    unknown: "No firm answer could be had this time. Trying again later may help.",
  } satisfies Record<Verdict, string>,
  reasonName: {
    accepted: "Mailbox accepted",
    invalid_syntax: "Invalid address",
    invalid_domain: "Domain does not exist",
    no_mail_server: "No mail server",
    mailbox_not_found: "Mailbox not found",
    mailbox_disabled: "Mailbox disabled",
    disposable: "Disposable address",
    mailbox_full: "Mailbox full",
    catch_all: "Accepts any address",
    greylisted: "Greylisted",
    deferred: "Temporarily refused",
    blocked: "Checker blocked",
    timeout: "Timed out",
    no_connect: "Could not connect",
    dns_error: "DNS error",
    smtp_skipped: "Mail server not asked",
    unsupported: "International address not supported",
    error: "Check failed",
  } satisfies Record<Reason, string>,
  reason: {
    accepted: "The mail server confirmed that this mailbox exists and accepts mail.",
    invalid_syntax: "This is not a valid e-mail address: its form breaks the rules for addresses (for example a missing @, a space, or a character that is not allowed).",
    invalid_domain: "The domain does not exist, or it is a reserved name (such as example.com or .test) that can never receive mail.",
    no_mail_server: "The domain exists but has no working mail server: it says it takes no mail, or its mail servers cannot be found.",
    mailbox_not_found: "The mail server says that this mailbox does not exist.",
    mailbox_disabled: "The mailbox exists but has been disabled or suspended, so mail sent to it bounces.",
    disposable: "The domain hands out throw-away mailboxes that stop working after a short while.",
    mailbox_full: "The mailbox exists but is full or over its quota, so new mail bounces for now.",
    catch_all: "The mail server accepts mail for any address at this domain, so it cannot tell whether this particular mailbox is real.",
    greylisted: "The mail server asked us to try again later (greylisting, a common anti-spam delay). Checking again in a few minutes usually gives an answer.",
    deferred: "The mail server refused for now, for a reason that says nothing about this mailbox. Try again later.",
    blocked: "The mail server refused to talk to our checker (a block list or a policy), so it said nothing about this mailbox.",
    timeout: "The mail server did not answer in time.",
    no_connect: "None of the domain's mail servers could be reached.",
    dns_error: "The domain's DNS records could not be read (its name servers failed or did not answer), so nothing could be decided.",
    smtp_skipped: "The address and its domain look fine, but the mail server was not asked, because the mail-server check was skipped.",
    unsupported: "The address has international characters before the @, and this domain's mail server does not accept such addresses (no SMTPUTF8).",
    error: "Something went wrong while checking this address.",
  } satisfies Record<Reason, string>,
  flagName: {
    disposable: "Disposable",
    role: "Role account",
    free: "Free provider",
    catch_all: "Catch-all",
    gibberish: "Gibberish",
  } satisfies Record<FlagName, string>,
  flagMeaning: {
    disposable: "The domain hands out throw-away mailboxes.",
    role: "The address names a role (info@, sales@), not a person.",
    free: "The domain is a free mailbox provider.",
    catch_all: "The mail server accepts mail for any address at the domain.",
    gibberish: "The part before the @ looks like random characters.",
  } satisfies Record<FlagName, string>,
  yes: "Yes",
  no: "No",

  // Check page
  checkTitle: "Check an e-mail address",
  checkIntro: "Find out whether an address can receive mail before you send to it: syntax, domain, mail servers and, unless you skip it, the mailbox itself.",
  emailLabel: "E-mail address",
  emailHint: "For example alice@example.org. Press Enter to check.",
  skipSmtpLabel: "Skip the mail-server (SMTP) check",
  skipSmtpHint: "Faster; checks syntax, lists and DNS only.",
  checkButton: "Check",
  checking: "Checking…",
  emptyEmail: "Type an address to check.",
  resultHeading: "Result",
  resultFor: (email: string) => `Result for ${email}`,
  resultAnnouncement: (email: string, verdict: string, reason: string) => `${email}: ${verdict}. ${reason}`,
  scoreLabel: "Score",
  scoreValue: (score: number) => `${score} / 100`,
  scoreHint: "0 means certain to bounce, 100 means as sure as can be.",
  didYouMean: "Did you mean",
  didYouMeanHint: "Select the address to check it instead.",
  detailsHeading: "Details of every check",
  sectionAddress: "Address",
  sectionDomain: "Domain",
  sectionFlags: "Flags",
  sectionSmtp: "Mail server (SMTP)",
  fieldInput: "As typed",
  fieldNormalized: "Normalized",
  fieldSyntax: "Syntax",
  syntaxValid: "Valid",
  syntaxInvalid: "Invalid",
  fieldDomainName: "Domain",
  fieldDomainAscii: "On the wire (ASCII)",
  fieldMx: "Mail servers (MX)",
  mxNone: "None found",
  mxNotLooked: "Not looked up",
  mxPreference: (preference: number) => `preference ${preference}`,
  noDomain: "No domain to look up: the address is not valid.",
  smtpNotPerformed: "The mail server was not asked.",
  fieldSmtpHost: "Server",
  fieldSmtpCode: "Reply code",
  fieldSmtpEnhanced: "Enhanced code",
  fieldSmtpMessage: "Server message",
  fieldSmtpProber: "Checked from",
  fieldSmtpDuration: "SMTP time",
  fieldTotalDuration: "Total time",
  ms: (value: number) => `${value} ms`,
  notGiven: "—",

  // Bulk page
  bulkTitle: "Check a list",
  bulkIntro: "Upload a CSV or Excel (XLSX) file with a column of e-mail addresses. Every row gets a verdict; download the whole list or only the deliverable addresses.",
  dropTitle: "Drop a CSV or XLSX file here",
  dropOr: "or",
  chooseFile: "Choose a file",
  fileInputLabel: "List file (CSV or XLSX)",
  dropHint: "The e-mail column is found by its header (email, 邮箱, correo, …) or by its content. Duplicates are checked once.",
  dropActive: "Release to upload",
  uploading: (name: string) => `Uploading ${name}…`,
  uploadFailed: (message: string) => `The file could not be used. ${message}`,
  fileTooLarge: (message: string) => `The file is too large. ${message}`,
  notAFile: "Drop a single file.",
  jobHeading: (name: string) => `List: ${name}`,
  jobTotal: (total: string) => `${total} rows`,
  jobStarted: (name: string, total: string) => `Checking ${name}: ${total} rows.`,
  progressLabel: "Progress",
  progressText: (processed: string, total: string) => `${processed} of ${total} rows checked`,
  progressWaiting: "Waiting to start…",
  connectionLost: "Lost contact with the service; retrying…",
  jobDone: (name: string) => `${name} is done.`,
  jobFailedNote: "Some addresses could not be checked after several tries; they are marked unknown (error) in the results.",
  jobExpired: "This job has expired: lists and results are kept for 7 days.",
  breakdownHeading: "Verdicts",
  chartLabel: (summary: string) => `Verdict breakdown: ${summary}`,
  tableVerdict: "Verdict",
  tableRows: "Rows",
  tableShare: "Share",
  downloadsHeading: "Download the results",
  downloadsHint: "Every file keeps your columns and adds verdict, reason and the flags.",
  downloadDeliverable: "Only deliverable",
  downloadAll: "Everything",
  downloadAs: (format: string, which: string) => `${format} — ${which}`,
  downloadFailed: (message: string) => `The download failed. ${message}`,
  recentHeading: "Recent lists",
  recentEmpty: "Lists you upload in this browser appear here.",
  recentHint: "Kept in this browser only. The service deletes each list 7 days after upload.",
  recentFile: "File",
  recentDate: "Uploaded",
  recentTotal: "Rows",
  recentStatus: "Status",
  recentActions: "Actions",
  recentOpen: (name: string) => `Open ${name}`,
  recentRemove: "Remove",
  recentRemoveLabel: (name: string) => `Remove ${name} from this list`,
  status: {
    uploading: "Uploading",
    queued: "Queued",
    running: "Running",
    done: "Done",
    failed: "Done with errors",
    expired: "Expired",
  } satisfies Record<JobStateName, string>,
} as const;

/** The shape both dictionaries have: the English one with its literal strings widened. */
export type Messages = Widen<typeof en>;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };
