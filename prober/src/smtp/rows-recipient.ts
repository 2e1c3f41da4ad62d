import { RECIPIENT_STAGES } from "./reply-class";
import { anyOf, NOT_POLICY_CODE, type ReplyRow } from "./reply-row";

/**
 * Rows for what a reply says about the recipient: its domain is not handled here, or the
 * mailbox is throttled, full, disabled or missing. The mailbox rows apply only to replies that
 * judged a recipient (RCPT, or a bounce after DATA): a refusal at connect, EHLO or MAIL FROM
 * judged none. Keywords include the wordings of French, German, Spanish, Italian, Portuguese,
 * Polish, Russian, Chinese and Japanese providers (texts are compared without accents).
 */

export const relayDenied: ReplyRow = {
  name: "relay-denied",
  class: "relay_denied",
  text: anyOf(
    /\brelay(?:ing)?\b[^.;]{0,20}\b(?:denied|not permitted|not allowed|prohibited|refused|disabled|forbidden)/,
    /(?:unable|not permitted|not allowed|cannot|can't|do not|does not|don't|won't|will not) (?:to )?relay\b/,
    /rcpthosts|not (?:a )?(?:local|hosted|our) domain/,
    /domain (?:is )?not (?:hosted|served|handled|configured|local)/,
    /(?:we|this server|i) do(?:es)? not (?:handle|serve|host|accept mail for)/,
    /\b(?:user|recipient) not local\b/,
  ),
  example: { stage: "rcpt", code: 554, enhanced: "5.7.1", text: "<kijitora@example.org>: Relay access denied" },
};

const DOMAIN_UNKNOWN = /\bdomain (?:name )?(?:not found|unknown|does ?n[o']t exist|lookup failed)|unknown domain|no such domain/;

/**
 * The recipient's domain is unknown to this host: permanently, it does not handle the domain
 * (like a relay denial); temporarily, its own DNS lookup failed. Either way the mailbox is
 * unjudged, though "address ... not found" would otherwise read as a missing mailbox.
 */
export const recipientDomainUnknown: ReplyRow = {
  name: "recipient-domain-unknown",
  class: "relay_denied",
  codes: ["5xx"],
  text: DOMAIN_UNKNOWN,
  example: { stage: "rcpt", code: 550, enhanced: "5.1.2", text: "<someone@example.invalid>: Recipient address rejected: Domain not found" },
};

export const recipientDomainUnresolved: ReplyRow = {
  name: "recipient-domain-unresolved",
  class: "temporary_failure",
  codes: ["4xx"],
  text: DOMAIN_UNKNOWN,
  example: { stage: "rcpt", code: 450, enhanced: "4.1.2", text: "<someone@example.org>: Recipient address rejected: Domain not found" },
};

export const receivingRate: ReplyRow = {
  name: "receiving-rate",
  class: "exists_but_throttled",
  stages: RECIPIENT_STAGES,
  text: anyOf(
    /\b(?:user|recipient|mailbox|account|addressee)\b[^.;]{0,60}\breceiv\w* (?:e-?mail|mail|messages?)\b[^.;]{0,12}\b(?:at a rate|too (?:quickly|fast)|too much)/,
    /\b(?:user|recipient|mailbox|account|addressee)\b[^.;]{0,60}\b(?:is receiving|has received) (?:too much|too many) (?:e-?mail|mail|messages)/,
  ),
  example: {
    stage: "rcpt",
    code: 550,
    enhanced: "5.2.1",
    text: "The user you are trying to contact is receiving email at a rate that prevents additional messages from being delivered.",
  },
};

export const mailboxFull: ReplyRow = {
  name: "mailbox-full",
  class: "mailbox_full",
  stages: RECIPIENT_STAGES,
  text: anyOf(
    /over ?quota|disk quota|quota\b[^.;]{0,20}\b(?:exceed|full|reached|limit)|exceed\w* [^.;]{0,20}\b(?:storage|quota|mailbox size|disk)/,
    /out of (?:storage|space|disk)|mailbox size limit|storage (?:allocation|limit|quota)/,
    /\b(?:mailbox|inbox|mail box|account|postfach|boite|buzon|casella|caixa|skrzynka)[^.;]{0,30}\b(?:full|voll|pleine?|lleno|piena|cheia|pe[lł]na|overflow|storage space)\b/,
    /ящик[^.;]{0,30}переполнен/,
    /insufficient (?:storage|space) (?:for|in) (?:the )?(?:user|mailbox|recipient)/,
    /邮箱已满|信箱已满|空间不足|容量(?:オーバー|超過|不足)/,
  ),
  example: { stage: "rcpt", code: 552, enhanced: "5.2.2", text: "<someone@icloud.com>: user is over quota" },
};

/**
 * Microsoft's Directory Based Edge Blocking answers an address missing from the tenant with
 * 550 5.4.1 "Recipient address rejected: Access denied". Under an X.7 code the same words are a
 * policy refusal (Postfix check_recipient_access), which is never a mailbox verdict.
 */
export const directoryRejection: ReplyRow = {
  name: "directory-rejection",
  class: "mailbox_not_found",
  stages: RECIPIENT_STAGES,
  codes: ["5xx"],
  enhanced: NOT_POLICY_CODE,
  text: /recipient address rejected: access denied/,
  example: {
    stage: "rcpt",
    code: 550,
    enhanced: "5.4.1",
    text: "Recipient address rejected: Access denied. AS(201806281) [PR2FRA01FT009.eop-fra01.prod.protection.outlook.com]",
  },
};

// Not when the noun names ours: "your account", "sender address", "IP address".
const NOT_OURS = String.raw`(?<!\b(?:your|ip|sender|sending|from|source|client) )`;
const RECIPIENT_NOUN = String.raw`${NOT_OURS}\b(?:user|mailbox|recipient|account|address|addressee|e-?mail|alias|local[- ]?part)\b`;

export const mailboxDisabled: ReplyRow = {
  name: "mailbox-disabled",
  class: "mailbox_disabled",
  stages: RECIPIENT_STAGES,
  enhanced: NOT_POLICY_CODE,
  text: anyOf(
    new RegExp(
      String.raw`${NOT_OURS}\b(?:account|mailbox|user|recipient|address|addressee|destinataire|compte|postfach|konto|buzon|cuenta|conta)(?:'s)?\b[^.;]{0,30}` +
        String.raw`\b(?:disabled|inactive|deactivated|de-activated|suspended|frozen|locked|closed|blocked|expired|terminated|bloquee?|desactivee?|gesperrt|deaktiviert|bloqueado|suspendido|inactivo|desativad[ao])\b`,
    ),
    /\b(?:disabled|inactive|deactivated|suspended|frozen|locked|closed|expired|terminated) (?:e-?mail )?(?:account|mailbox|user|address|recipient)\b/,
  ),
  example: { stage: "rcpt", code: 550, enhanced: "5.5.0", text: "Le compte du destinataire est bloque. The recipient account is blocked. LPN007_426" },
};

/**
 * Texts that plainly say the mailbox does not exist. They decide even under an X.7 code, as the
 * contract allows for Yandex's `550 5.7.1 No such user!`.
 */
export const mailboxNotFound: ReplyRow = {
  name: "mailbox-not-found",
  class: "mailbox_not_found",
  stages: RECIPIENT_STAGES,
  text: anyOf(
    /no such (?:user|mailbox|recipient|account|address|local user|person|addressee|e-?mail|user ?name)/,
    new RegExp(String.raw`${RECIPIENT_NOUN}[^.;]{0,40}(?:not exist|no longer exists?|is not known|not found|\bunknown\b|non-?existent|invalid|not valid)`),
    new RegExp(String.raw`\bunknown ${RECIPIENT_NOUN}|${RECIPIENT_NOUN} unknown|not (?:a )?valid ${RECIPIENT_NOUN}|invalid ${RECIPIENT_NOUN}`),
    /unrout(?:e)?able address|no (?:mailbox|account|user) (?:here|by that name|with that name|for|found)/,
    /(?:does ?n[o']t|has no) (?:have )?(?:an? )?(?:[\w.-]+ )?(?:account|mailbox)\b/,
    /not listed in [^.;]{0,30}(?:address book|directory)|not our customer|no longer (?:on|at) (?:this |the )?server/,
  ),
  example: { stage: "rcpt", code: 550, enhanced: "5.7.1", text: "No such user! 1789063127-kwTVGUHdeiE0-huj9x1Wr" },
};

/**
 * "Does not exist" and "unknown user" in the languages providers answer in. At RCPT, with our
 * sender and the recipient domain ruled out by earlier rows, a thing that does not exist is
 * the mailbox. (\b knows only ASCII letters, so the non-Latin wordings go without it.)
 */
export const mailboxNotFoundTranslated: ReplyRow = {
  name: "mailbox-not-found-translated",
  class: "mailbox_not_found",
  stages: RECIPIENT_STAGES,
  text: anyOf(
    /does ?n[o']t exist|n'existe pas|existiert nicht|bestaat niet|no existe|non esiste|nao existe|nie istnieje|neexistuje|nu exista|nem letezik|finns inte|eksisterer ikke|findes ikke|khong ton tai|tidak ada/,
    /\b(?:destinataire|utilisateur|adresse|benutzer|empfanger|gebruiker|ontvanger|usuario|destinatario|utente|utilizador|uzytkownik|skrzynk\w*|uzivatel|adresat)\b[^.;]{0,40}(?:inconnu|unbekannt|onbekend|desconocid|sconosciut|inesistente|desconhecid|inexistente|nieznany|neznam|invalide?|ungultig|niet gevonden|no encontrad|non trovat|nao encontrad)/,
    /(?:пользовател|адрес|ящик|получател)[^.;]{0,40}(?:не существует|не найден|неизвест)|нет такого|не существует/,
    /(?:用户|收件人|邮箱|帐号|账号|账户|地址)不存在|不存在的(?:用户|邮箱)|存在しない|存在しません|宛先不明|존재하지 않|없는 (?:사용자|계정|주소)|δεν υπάρχει|לא קיים|غير موجود/,
  ),
  example: { stage: "rcpt", code: 550, enhanced: "5.1.1", text: "Benutzer unbekannt" },
};

/**
 * Vague permanent refusals at RCPT ("mailbox unavailable", Exchange and IONOS's RFC 5321
 * boiler-plate): not found is the best call, so they are tried after the policy rows, which
 * catch a following "Reject due to policy restrictions" line, and never under an X.7 code.
 */
export const mailboxUnavailable: ReplyRow = {
  name: "mailbox-unavailable",
  class: "mailbox_not_found",
  stages: RECIPIENT_STAGES,
  codes: ["5xx"],
  enhanced: NOT_POLICY_CODE,
  text: anyOf(
    /\b(?:mailbox|account|address|user) (?:is )?(?:currently )?(?:unavailable|not available)/,
    /\b(?:recipient )?address rejected\b|recipient rejected|invalid address|\bnot used\b/,
    /(?:undeliverable|bad|illegal) (?:recipient|address|mailbox)/,
  ),
  example: { stage: "rcpt", code: 550, text: "Requested action not taken: mailbox unavailable" },
};
