import { parseAddress } from "../address/parse";
import { BulkInputError } from "./errors";

/** Where the addresses are: the column, and whether the first record names the columns. */
export interface EmailColumn {
  column: number;
  hasHeader: boolean;
}

/**
 * Header names of an e-mail column, compared after lower-casing and dropping spaces, hyphens,
 * underscores and dots ("E-Mail Address" is "emailaddress").
 */
const EMAIL_HEADERS = new Set(
  [
    "email",
    "e-mail",
    "mail",
    "emails",
    "email address",
    "e-mail address",
    "mail address",
    "email addr",
    "emailaddress",
    "correo",
    "correo electrónico",
    "correo electronico",
    "email de contacto",
    "courriel",
    "adresse e-mail",
    "adresse électronique",
    "adresse mail",
    "e-mail-adresse",
    "mailadresse",
    "posta elettronica",
    "indirizzo email",
    "e-mail adres",
    "e-postadress",
    "e-post",
    "sähköposti",
    "correio eletrônico",
    "endereço de email",
    "poczta",
    "adres e-mail",
    "邮箱",
    "邮件",
    "电子邮件",
    "电子邮箱",
    "邮箱地址",
    "電子郵件",
    "電郵",
    "郵箱",
    "電子郵箱",
    "メール",
    "メールアドレス",
    "eメール",
    "電子メール",
    "이메일",
    "전자우편",
    "이메일 주소",
    "почта",
    "электронная почта",
    "эл. почта",
    "email адрес",
    "е-mail",
    "البريد الإلكتروني",
    'דוא"ל',
    "ईमेल",
    "e-posta",
    "eposta",
    "thư điện tử",
  ].map(normalizeHeader),
);

/** How many values content detection looks at, and the share of them that must be addresses. */
const CONTENT_SAMPLE = 100;
const CONTENT_SHARE = 0.5;

/**
 * Finds the e-mail column of a table from its first records: a header cell that names one, in
 * any of the languages above, else the column where most of the first 100 non-empty values
 * are addresses (parseAddress). A first record with no address in that column is a header.
 * Throws a `no_email_column` BulkInputError naming the columns found otherwise.
 *
 * @example
 * findEmailColumn([["Name", "Correo electrónico"], ["Ana", "ana@example.es"]]); // { column: 1, hasHeader: true }
 * findEmailColumn([["Ana", "ana@example.es"]]); // { column: 1, hasHeader: false }
 */
export function findEmailColumn(records: string[][]): EmailColumn {
  const first = records[0] ?? [];
  const byHeader = first.findIndex((cell) => EMAIL_HEADERS.has(normalizeHeader(cell)));
  if (byHeader >= 0) return { column: byHeader, hasHeader: true };
  const width = Math.max(0, ...records.map((cells) => cells.length));
  let best = { column: -1, share: 0 };
  for (let column = 0; column < width; column++) {
    const values = records
      .map((cells) => (cells[column] ?? "").trim())
      .filter((value) => value !== "")
      .slice(0, CONTENT_SAMPLE);
    const share = values.filter(isAddress).length / Math.max(1, values.length);
    if (share > best.share) best = { column, share };
  }
  if (best.share < CONTENT_SHARE) throw noEmailColumn(first, records.length > 1);
  return { column: best.column, hasHeader: !isAddress((first[best.column] ?? "").trim()) };
}

function isAddress(value: string): boolean {
  return value.includes("@") && parseAddress(value).ok;
}

function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .normalize("NFC")
    .replace(/[\s\-_.:：]/g, "");
}

function noEmailColumn(first: string[], hasData: boolean): BulkInputError {
  // Only a header row is quoted back: data rows could hold addresses, which the message must not echo.
  const names = first.filter((cell) => cell.trim() !== "" && !cell.includes("@")).map((cell) => JSON.stringify(cell.trim().slice(0, 40)));
  const found = names.length
    ? `The columns found are ${names.slice(0, 20).join(", ")}${names.length > 20 ? ", …" : ""}.`
    : `The file has ${first.length} column(s) and no header.`;
  return new BulkInputError(
    "no_email_column",
    `No column of e-mail addresses was found${hasData ? "" : " (the file has only one row)"}. ${found} Name the column "email", or put addresses in it.`,
  );
}
