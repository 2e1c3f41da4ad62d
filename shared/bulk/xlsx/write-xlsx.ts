import { columnLetters } from "./cell-ref";
import { encodeOoxmlText } from "./ooxml-text";
import { writeZip } from "./zip-writer";

/** A cell to write: text, a number, or a boolean (shown TRUE/FALSE). */
export type XlsxCell = string | number | boolean;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Rows are gathered into pieces of about this many characters before encoding and deflating. */
const PIECE_CHARS = 64 * 1024;

/**
 * Writes rows as a one-sheet XLSX, streamed: every string is an inline string (no shared strings
 * table to hold), so each row is encoded, deflated and passed on as soon as it comes. The file
 * has only the parts Excel and LibreOffice need.
 *
 * @example
 * const body = writeXlsx("Results", rowsOf(results));
 * for await (const chunk of body) await upload.write(chunk);
 */
export function writeXlsx(sheetName: string, rows: AsyncIterable<XlsxCell[]>): AsyncGenerator<Uint8Array> {
  return writeZip([
    fixed(
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    fixed(
      "_rels/.rels",
      `<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    fixed(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    fixed(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { name: "xl/worksheets/sheet1.xml", content: sheetXml(rows) },
  ]);
}

async function* sheetXml(rows: AsyncIterable<XlsxCell[]>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let piece = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>`;
  let rowNumber = 0;
  for await (const row of rows) {
    rowNumber++;
    piece += `<row r="${rowNumber}">${row.map((cell, column) => cellXml(cell, `${columnLetters(column)}${rowNumber}`)).join("")}</row>`;
    if (piece.length >= PIECE_CHARS) {
      yield encoder.encode(piece);
      piece = "";
    }
  }
  yield encoder.encode(`${piece}</sheetData></worksheet>`);
}

function cellXml(cell: XlsxCell, reference: string): string {
  if (typeof cell === "boolean") return `<c r="${reference}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === "number") return `<c r="${reference}"><v>${cell}</v></c>`;
  if (cell === "") return "";
  return `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(encodeOoxmlText(cell))}</t></is></c>`;
}

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(XML_HEAD + text);
}

function fixed(name: string, xml: string) {
  return { name, content: once(xml) };
}

/** Escapes markup characters; a lone surrogate, which XML cannot hold, becomes U+FFFD. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) =>
    char === "&" ? "&amp;" : char === "<" ? "&lt;" : char === ">" ? "&gt;" : char === '"' ? "&quot;" : "\ufffd",
  );
}
