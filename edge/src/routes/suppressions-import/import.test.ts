import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../app";

const app = createApp();
const KEYS = [
  { id: "importer", key: "importer-key-0123456789", scopes: ["jobs"] },
  { id: "widget", key: "pk_widget_0123456789abc", scopes: ["verify"], origins: ["https://shop.example"] },
];

async function upload(body: string, key: string, contentType = "text/csv") {
  const request = new Request("http://edge/v1/suppressions/import", {
    method: "POST",
    body,
    headers: { "content-type": contentType, authorization: `Bearer ${key}`, origin: "https://shop.example" },
  });
  const response = await app.fetch(request, { ...env, MAILVET_API_KEYS: JSON.stringify(KEYS) }, createExecutionContext());
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const kindOf = async (address: string) =>
  (await env.JOBS_DB.prepare("SELECT kind FROM suppression WHERE owner = 'key:importer' AND address_key = ?").bind(address).first<string>("kind")) ?? null;

describe("POST /v1/suppressions/import", () => {
  it("files a CSV export's bounces on the caller's list and says what it skipped", async () => {
    const csv =
      "email,created,reason,status\nimp-hard@example.com,1800000000,550 5.1.1 user unknown,5.1.1\nimp-soft@example.com,1800000000,452 4.2.2 mailbox full,4.2.2\nnot-an-address,1800000000,x,5.1.1\n";
    expect(await upload(csv, "importer-key-0123456789")).toEqual({
      status: 200,
      body: { imported: 2, skipped: 1, reasons: [{ item: 4, reason: "the recipient is not an address" }] },
    });
    expect(await kindOf("imp-hard@example.com")).toBe("hard");
    expect(await kindOf("imp-soft@example.com")).toBe("soft");
  });

  it("files the DSNs of an mbox and skips what is no bounce", async () => {
    const dsn = [
      "From MAILER-DAEMON Fri Dec  4 00:00:00 2026",
      "From: MAILER-DAEMON@mx.example.net",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      "",
      "--B",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.net",
      "",
      "Final-Recipient: rfc822; imp-mbox@example.com",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
      "--B--",
      "",
      "From ann@example.org Fri Dec  4 00:00:01 2026",
      "From: ann@example.org",
      "Subject: Out of office",
      "Auto-Submitted: auto-replied",
      "",
      "Away.",
      "",
    ].join("\n");
    expect(await upload(dsn, "importer-key-0123456789", "application/mbox")).toMatchObject({ status: 200, body: { imported: 1, skipped: 1 } });
    expect(await kindOf("imp-mbox@example.com")).toBe("hard");
  });

  it("refuses another media type, a CSV without a recipient column stores nothing, and a widget key gets 403", async () => {
    expect((await upload("{}", "importer-key-0123456789", "application/json")).status).toBe(400);
    expect((await upload("name\nAnn\n", "importer-key-0123456789")).body).toMatchObject({ imported: 0, skipped: 1 });
    expect((await upload("email\nwidget-made@example.com\n", "pk_widget_0123456789abc")).status).toBe(403);
    expect(await kindOf("widget-made@example.com")).toBeNull();
  });
});
