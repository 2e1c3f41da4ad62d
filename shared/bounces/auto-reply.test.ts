import { describe, expect, it } from "vitest";
import { autoReplyKind } from "./auto-reply";

const message = (subject: string, headers: Record<string, string> = {}, text = "") => ({ headers: new Map(Object.entries(headers)), subject, text });

describe("autoReplyKind", () => {
  it.each([
    "Out of Office: Invoice",
    "Automatic reply: Nyaan",
    "Auto reply: Nyaan",
    "Abwesenheitsnotiz: Rechnung",
    "Réponse automatique : Facture",
    "Respuesta automática: Factura",
    "Risposta automatica: Fattura",
    "Automatisch antwoord: Factuur",
    "Automatyczna odpowiedź: Faktura",
    "Автоответ: Счёт",
    "自動応答: 請求書",
    "Away until May 5",
  ])("calls %j an auto-reply", (subject) => {
    expect(autoReplyKind(message(subject))).toEqual({ kind: "auto-reply", strong: true });
  });

  it("reads RFC 3834 and vendor headers", () => {
    expect(autoReplyKind(message("Re: hi", { "x-autoreply": "yes" }))?.strong).toBe(true);
    expect(autoReplyKind(message("Re: hi", { precedence: "auto_reply" }))?.strong).toBe(true);
    expect(autoReplyKind(message("Re: hi", { "auto-submitted": "auto-replied" }))).toEqual({ kind: "auto-reply", strong: false });
  });

  it("recognises challenge-response requests", () => {
    expect(autoReplyKind(message("Please confirm your email address"))).toEqual({ kind: "challenge", strong: true });
    expect(autoReplyKind(message("Re: hi", {}, "To get past my spam filter, please verify you are a human by clicking"))?.kind).toBe("challenge");
  });

  it("leaves bounces and ordinary mail alone", () => {
    expect(autoReplyKind(message("Undelivered Mail Returned to Sender"))).toBeNull();
    expect(autoReplyKind(message("AW: Rechnung"))).toBeNull();
    expect(autoReplyKind(message("Lunch on Friday?"))).toBeNull();
  });
});
