import { normaliseBounceText } from "./bounce-row";
/**
 * Recognises messages that answer mail automatically without being bounces: RFC 3834
 * auto-replies, out-of-office notes, and challenge-response requests ("confirm you are human").
 * Exim bounces also carry `Auto-Submitted: auto-replied`, so that header alone only counts when
 * nothing else says the message is a bounce.
 */

export interface MessageSignals {
  /** Header values by lower-case name (first occurrence). */
  headers: ReadonlyMap<string, string>;
  subject: string;
  /** The start of the message's text. */
  text: string;
}

const OUT_OF_OFFICE_SUBJECT =
  /\b(?:auto(?:matic|matisch\w*)?[- ]?(?:reply|response|respons|antwort|risposta|resposta|svar|odpowiedz\w*)|out of (?:the )?office|away (?:until|from)|on vacation|vacation (?:reply|notice)|abwesenheit\w*|nicht im buro|reponse automatique|absen(?:ce|t)|respuesta automatica|fuera de (?:la )?oficina|risposta automatica|fuori (?:sede|ufficio)|resposta automatica|ausente|afwezig|automatisch antwoord|autosvar|fravaerende|automatyczna odpowiedz|nieobecnosc)\b|автоответ|нет на месте|不在|自動応答|自动回复|^(?:auto|autoreply|autoresponse):/;

const CHALLENGE =
  /\b(?:challenge[- ]response|sender verification|verify (?:that )?you are (?:a )?(?:human|real)|confirm (?:that )?you are (?:a )?(?:human|real|not a robot)|please (?:verify|confirm) your (?:e-?mail|message|address)|awaiting (?:your )?(?:verification|confirmation)|(?:boxbe|spamarrest|mailblocks|sanebox) |is protected by|held (?:pending|for) (?:your )?(?:verification|confirmation)|whitelist request|bestatigen sie ihre (?:absender|e-?mail)\w*|absender\w* bestatig|verifi\w* que vous etes|verification de l'expediteur|verifique (?:que )?(?:usted|su)|conferma(?:re)? (?:il )?(?:tuo )?indirizzo)\b/;

/**
 * Headers that only auto-replies set (the common vendor ones; RFC 3834's Auto-Submitted is
 * weighed apart, since Exim's bounces carry it too).
 *
 * @example
 * hasAutoReplyHeader(new Map([["x-autoreply", "yes"]])); // true
 */
export function hasAutoReplyHeader(headers: ReadonlyMap<string, string>): boolean {
  if (headers.has("x-autoreply") || headers.has("x-autorespond") || headers.has("x-autoresponder")) return true;
  if (/auto[_-]?reply/i.test(headers.get("precedence") ?? "")) return true;
  if (/^(?:oof|autoreply)/i.test(headers.get("x-auto-response-suppress") ?? "") && headers.has("x-ms-exchange-inbox-rules-loop")) return true;
  return /\bvacation\b/i.test(headers.get("x-mailer") ?? "");
}

/**
 * "auto-reply" or "challenge" when the message is one, else null. `strong` tells whether the
 * evidence holds against a bounce-like subject (a subject or header made only by auto-repliers),
 * or is only a wording in the text or RFC 3834's `Auto-Submitted: auto-replied`, which Exim's
 * bounces carry too.
 *
 * @example
 * autoReplyKind({ headers: new Map(), subject: "Out of office: Re: invoice", text: "" });
 * // { kind: "auto-reply", strong: true }
 */
export function autoReplyKind(message: MessageSignals): { kind: "auto-reply" | "challenge"; strong: boolean } | null {
  const subject = normaliseBounceText(message.subject);
  if (CHALLENGE.test(subject)) return { kind: "challenge", strong: true };
  if (hasAutoReplyHeader(message.headers) || OUT_OF_OFFICE_SUBJECT.test(subject)) return { kind: "auto-reply", strong: true };
  if (CHALLENGE.test(normaliseBounceText(message.text.slice(0, 4000)))) return { kind: "challenge", strong: false };
  if (/auto-replied|auto-generated/i.test(message.headers.get("auto-submitted") ?? "")) return { kind: "auto-reply", strong: false };
  return null;
}
