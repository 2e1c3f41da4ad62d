import { anyOf, type BounceRow } from "./bounce-row";

/**
 * Rows for permanent bounces that say the address will not work: the mailbox does not exist,
 * the domain has no mail service, the mailbox moved, was disabled, or the address is malformed.
 * Every row needs a permanent bounce: a 4.x.x saying "user unknown" is soft. Wordings cover the
 * common European languages and Japanese carriers; texts are compared without accents.
 */

export const USER_UNKNOWN_TEXT = anyOf(
  /(?:user|recipient|mailbox|account|address|addressee|destin\w*|local[- ]part)s? (?:name )?(?:is )?(?:unknown|not found|not known|does ?n[o']t exist|not exist|no longer exists?|invalid|unavailable: not found)/,
  // "Invalid address" alone is left out: Zoho writes it above every failure, a full mailbox too.
  /(?:unknown|invalid|non-?existent|no such|inexistent) (?:local |e-?mail |mail )?(?:user|recipient|mailbox|account|addressee|person)|(?:non-?existent|no such|inexistent) address/,
  /(?:user|recipient) (?:does ?n[o']t|does not) have an? [\w.-]+ account/,
  /no (?:mailbox|user|account) (?:here )?(?:by that name|with that name|found)|not (?:listed|found) in [^.;]{0,30}(?:directory|address book)|no valid recipients|ディレクトリのリストにありません|該当するユーザ|宛先不明/,
  /(?:account|address|mailbox|user) (?:that you tried to reach |you tried to reach )?does not exist|does not have an? (?:account|mailbox)|not a valid (?:mailbox|recipient|user)/,
  /recipient (?:address )?rejected: (?:user unknown|unknown|undeliverable address|no such)|address (?:not found|unknown|does not exist)|unrouteable address|undeliverable address|recipient no longer on server/,
  /utilisateur inconnu|adresse (?:e-?mail )?(?:inconnue|inexistante|introuvable)|(?:benutzer|empfanger|adresse)[^.;]{0,20}(?:unbekannt|existiert nicht|nicht gefunden)|usuario (?:desconocido|inexistente|no existe)|utente (?:sconosciuto|inesistente)|nao existe|пользователь не найден|нет такого пользователя/,
);

export const userUnknown: BounceRow = {
  name: "user-unknown",
  kind: "hard",
  reason: "user_unknown",
  permanence: "permanent",
  text: USER_UNKNOWN_TEXT,
  example: { status: "5.1.1", code: 550, text: "550 5.1.1 <kijitora@example.jp>: Recipient address rejected: User unknown in local recipient table" },
};

export const hostUnknown: BounceRow = {
  name: "host-unknown",
  kind: "hard",
  reason: "host_unknown",
  permanence: "permanent",
  text: anyOf(
    /host (?:or domain name )?(?:not found|unknown)|(?:domain|host) name not found|unknown (?:host|domain)|no such (?:domain|host)|domain (?:does ?n[o']t|does not) exist/,
    /illegal host|host\/domain name|host [a-z0-9.-]+\.[a-z]{2,} not found|indicated no smtp service|nxdomain|null mx|does not accept (?:e-?)?mail\b(?! from)|(?:couldn't|could not|cannot|unable to) find (?:any host|a mail exchanger|mx)|no (?:mx|mail exchanger|route to)(?: record)? (?:for|found)|no valid (?:mx|hosts)|unroutable domain/,
  ),
  example: {
    status: "5.4.4",
    code: 550,
    text: "Host or domain name not found. Name service error for name=example.invalid type=A: Host not found",
  },
};

export const mailboxMoved: BounceRow = {
  name: "mailbox-moved",
  kind: "hard",
  reason: "mailbox_moved",
  permanence: "permanent",
  text: /(?:has|have) moved|mailbox (?:has )?moved|no longer (?:at|with) (?:this|the) (?:address|organi[sz]ation|company)|forwarding address/,
  example: { status: "5.1.6", code: 551, text: "551 5.1.6 Recipient address has moved; no forwarding address" },
};

/** A 5.2.1 that plainly says the mailbox was disabled: a closed account, not a busy one. */
export const mailboxDisabled: BounceRow = {
  name: "mailbox-disabled",
  kind: "hard",
  reason: "mailbox_disabled",
  permanence: "permanent",
  status: /^5\.2\.1$/,
  text: /disabled|inactive|deactivated|closed|deleted|terminated|discontinued/,
  example: { status: "5.2.1", code: 550, text: "550 5.2.1 The email account that you tried to reach is disabled." },
};

export const badSyntax: BounceRow = {
  name: "bad-syntax",
  kind: "hard",
  reason: "invalid_address",
  permanence: "permanent",
  status: /^5\.1\.3$/,
  example: { status: "5.1.3", code: 501, text: "501 5.1.3 Bad recipient address syntax" },
};

export const userUnknownCode: BounceRow = {
  name: "user-unknown-code",
  kind: "hard",
  reason: "user_unknown",
  permanence: "permanent",
  status: /^5\.1\.(?:1|10)$/,
  example: { status: "5.1.1", code: 550, text: "550 5.1.1 Requested action not taken" },
};

export const hostUnknownCode: BounceRow = {
  name: "host-unknown-code",
  kind: "hard",
  reason: "host_unknown",
  permanence: "permanent",
  status: /^5\.1\.2$/,
  example: { status: "5.1.2", code: 550, text: "550 5.1.2 Bad destination system address" },
};

export const mailboxMovedCode: BounceRow = {
  name: "mailbox-moved-code",
  kind: "hard",
  reason: "mailbox_moved",
  permanence: "permanent",
  status: /^5\.1\.6$/,
  example: { status: "5.1.6", code: 551, text: "551 5.1.6 User not local" },
};
