import { badXlsx } from "./zip-reader";

/** What the XML scanner reports: an element opening (with its attributes), closing, or text. */
export type XmlEvent =
  | { kind: "open"; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A tag, comment or CDATA section longer than this is not machine-written XLSX. */
const MAX_MARKUP_CHARS = 1024 * 1024;
/** The longest entity the scanner decodes ("&#x0010FFFF;" and a little more): what text may hold back. */
const MAX_ENTITY_CHARS = 32;

/**
 * A small streaming XML scanner, enough for the well-formed, machine-written XML inside an XLSX:
 * elements, attributes, text and CDATA, with the five entities and character references.
 * Namespace prefixes are dropped ("x:row" is "row"); declarations, comments and processing
 * instructions are skipped. Text is passed on as it arrives (in pieces: join them), and only
 * unfinished markup is held over, searched once, so memory and time stay linear in the input
 * whatever the chunks. Markup over 1 MiB is refused (`bad_xlsx`).
 *
 * @example
 * for await (const event of xmlEvents(textChunks)) if (event.kind === "open" && event.name === "row") rows++;
 */
export async function* xmlEvents(text: AsyncIterable<string>): AsyncGenerator<XmlEvent> {
  let pending = "";
  // How far the unfinished markup at the start of `pending` was searched for its end already.
  let searched = 0;
  for await (const chunk of text) {
    pending += chunk;
    let at = 0;
    for (;;) {
      if (pending[at] !== "<") {
        const lt = pending.indexOf("<", at);
        // Text that may end in the middle of an entity keeps that end for the next chunk.
        const textEnd = lt < 0 ? entitySafeEnd(pending, at) : lt;
        if (textEnd > at) yield { kind: "text", text: decodeEntities(pending.slice(at, textEnd)) };
        at = textEnd;
        if (lt < 0) break;
      }
      const end = markupEnd(pending, at, searched);
      if (end < 0) {
        if (pending.length - at > MAX_MARKUP_CHARS) throw badXlsx("its XML has a tag over 1 MiB long");
        break;
      }
      searched = 0;
      const event = markupEvent(pending.slice(at, end));
      if (event) yield event;
      at = end;
    }
    pending = pending.slice(at);
    // The longest end marker ("]]>", "-->") may have begun in the last two characters searched.
    if (pending.startsWith("<")) searched = Math.max(0, pending.length - 2);
  }
  if (pending && !pending.startsWith("<")) yield { kind: "text", text: decodeEntities(pending) };
}

/** Where text from `at` to the end of `text` can be cut: before a last "&" that may begin an entity. */
function entitySafeEnd(text: string, at: number): number {
  const amp = text.lastIndexOf("&");
  return amp >= at && amp > text.length - MAX_ENTITY_CHARS && !text.includes(";", amp) ? amp : text.length;
}

/** Where the markup starting at `lt` ends (just past it), or -1 if it goes on in the next chunk; `from` skips what was searched. */
function markupEnd(text: string, lt: number, from: number): number {
  const close = text.startsWith("<![CDATA[", lt) ? "]]>" : text.startsWith("<!--", lt) ? "-->" : ">";
  const end = text.indexOf(close, Math.max(lt + 1, lt + from));
  return end < 0 ? -1 : end + close.length;
}

function markupEvent(markup: string): XmlEvent | undefined {
  if (markup.startsWith("<![CDATA[")) return { kind: "text", text: markup.slice(9, -3) };
  if (markup.startsWith("<?") || markup.startsWith("<!")) return undefined;
  if (markup.startsWith("</")) return { kind: "close", name: localName(markup.slice(2, -1).trim()) };
  const selfClosing = markup.endsWith("/>");
  const body = markup.slice(1, selfClosing ? -2 : -1);
  const nameEnd = body.search(/[\s/]|$/);
  return { kind: "open", name: localName(body.slice(0, nameEnd)), attributes: attributesOf(body, nameEnd), selfClosing };
}

/**
 * The `name="value"` (or 'value') pairs of a tag from `at` on, read left to right once: a regular
 * expression here backtracks quadratically over a long run of junk in a hostile tag. Reading stops
 * at the first thing that is not an attribute.
 */
function attributesOf(body: string, at: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const skipSpace = (from: number) => {
    while (from < body.length && /\s/.test(body[from]!)) from++;
    return from;
  };
  for (let index = skipSpace(at); index < body.length; index = skipSpace(index)) {
    let nameEnd = index;
    while (nameEnd < body.length && body[nameEnd] !== "=" && !/\s/.test(body[nameEnd]!)) nameEnd++;
    const equals = skipSpace(nameEnd);
    if (nameEnd === index || body[equals] !== "=") break;
    const open = skipSpace(equals + 1);
    const quote = body[open];
    if (quote !== '"' && quote !== "'") break;
    const close = body.indexOf(quote, open + 1);
    if (close < 0) break;
    attributes[localName(body.slice(index, nameEnd))] = decodeEntities(body.slice(open + 1, close));
    index = close + 1;
  }
  return attributes;
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return safeCodePoint(Number.parseInt(entity.slice(2), 16)) ?? whole;
    if (entity.startsWith("#")) return safeCodePoint(Number.parseInt(entity.slice(1), 10)) ?? whole;
    return ENTITIES[entity] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
